// A :::commitment or :::extract block: its id, its ```yaml fields checked against the schema, and
// its text (checked by the prose rules).
import type { Code } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { checkFields } from '../check-fields.ts';
import type { BlockKind, ParsedDigest } from '../parse-digest.ts';
import { CommitmentFields } from '../schema/commitment.ts';
import { ExtractFields } from '../schema/extract.ts';
import { ID_PATTERN } from '../schema/primitives.ts';
import { parseYaml, type ParsedYaml } from '../yaml.ts';
import { checkProse, start, type ProseContext } from './prose-rules.ts';

export interface BlockContext extends ProseContext {
  file: string;
  /** Where the block's id and, when its fields are valid, the block itself are recorded. */
  result: Pick<ParsedDigest, 'declaredIds' | 'commitments' | 'extracts' | 'problems'>;
}

export function readBlock(context: BlockContext, node: ContainerDirective, kind: BlockKind) {
  const { file, problem, result } = context;
  const place = start(node);
  const attributes = node.attributes ?? {};
  const id = attributes.id ?? '';
  const subject = `${kind} "${id || '(no id)'}"`;
  if (!id) {
    problem(place, `${kind} (no id)`, 'id', `is missing; expected :::${kind}{#some-id}`);
  } else if (!ID_PATTERN.test(id)) {
    problem(place, subject, 'id', 'is not a valid id; expected lowercase kebab-case starting with a letter, e.g. "staying-close"');
  }
  for (const name of Object.keys(attributes)) {
    if (name !== 'id') problem(place, subject, name, `is not a known attribute; expected only {#id} on the directive, with fields in the yaml block`);
  }
  if (node.children.length > 0 && node.children[0]?.type === 'paragraph' && (node.children[0].data as { directiveLabel?: boolean })?.directiveLabel) {
    problem(place, subject, 'label', `is not used; expected :::${kind}{#id} with no [label]`);
    node.children.shift();
  }
  if (id) result.declaredIds.push({ kind, id, place });

  const [first, ...rest] = node.children;
  if (first?.type !== 'code' || (first.lang ?? '').toLowerCase() !== 'yaml') {
    problem(start(first ?? node), subject, 'fields', 'are missing; expected the block to open with a ```yaml fenced block of fields');
    return;
  }
  for (const child of rest) checkProse(context, child, subject, 'text', { kind, id });
  const textNodes = rest.filter((child) => child.type !== 'html');
  if (textNodes.length === 0 || textNodes.every((child) => child.type === 'code')) {
    problem(
      place,
      subject,
      'text',
      kind === 'extract'
        ? 'is empty; expected the verbatim passage after the yaml block'
        : 'is empty; expected the commitment in our own words after the yaml block',
    );
  }
  const yaml = parseFieldsBlock(context, first, subject);
  if (!yaml) return;
  const schema = kind === 'commitment' ? CommitmentFields : ExtractFields;
  const checked = checkFields(schema, yaml.value ?? {}, { file, subject, yaml });
  if (!checked.ok) {
    result.problems.push(...checked.problems);
    return;
  }
  if (!id || !ID_PATTERN.test(id)) return;
  const block = { id, place, yaml, body: textNodes };
  if (kind === 'commitment') result.commitments.push({ ...block, fields: checked.data as CommitmentFields });
  else result.extracts.push({ ...block, fields: checked.data as ExtractFields });
}

function parseFieldsBlock({ problem }: BlockContext, code: Code, subject: string): ParsedYaml | undefined {
  // The fence line is code's first line; the YAML starts on the line after it.
  const yaml = parseYaml(code.value, start(code).line + 1, 1);
  for (const error of yaml.errors) problem(error, subject, 'fields', `are not valid YAML (${error.message}); expected "field: value" lines`);
  if (yaml.errors.length) return undefined;
  if (yaml.value === null || typeof yaml.value !== 'object' || Array.isArray(yaml.value)) {
    problem(start(code), subject, 'fields', 'are not a mapping; expected "field: value" lines');
    return undefined;
  }
  return yaml;
}
