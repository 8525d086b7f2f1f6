// `npm run check-links`, the network half: asks each address once, politely, with got (redirects
// followed and recorded hop by hop, a timeout per request, retries with exponential backoff on
// the failures that pass, a user agent that says who is asking) and p-limit (a few requests at a
// time in all, fewer to any one host). HEAD first; GET when HEAD is refused, since some servers
// answer HEAD wrongly. What an answer means is ./links.ts's `judge`.
import type { LookupFunction } from 'node:net';
import got, { type RequestError } from 'got';
import pLimit from 'p-limit';
import type { Answer, Hop } from './links.ts';

export interface CheckOptions {
  /** Per request, in milliseconds. */
  timeoutMs: number;
  /** Retries after the first try, for timeouts, resets and 408/429/5xx answers. */
  retries: number;
  /** Upper bound of the backoff between retries, in milliseconds (it doubles from 1 s: 1 s, 2 s, …). */
  backoffLimitMs: number;
  /** Requests under way at once, in all. */
  concurrency: number;
  /** Requests under way at once to one host. */
  perHost: number;
  userAgent: string;
  /** Name resolution, for tests that must not ask a real DNS server; the system's by default. */
  lookup?: LookupFunction;
}

export const DEFAULT_CHECK_OPTIONS: Omit<CheckOptions, 'userAgent'> = {
  timeoutMs: 15_000,
  retries: 2,
  backoffLimitMs: 8_000,
  concurrency: 6,
  perHost: 2,
};

/** Statuses worth asking again with GET: the server may refuse or mishandle HEAD. */
const TRY_GET_AFTER = (status: number) => status >= 400;

async function ask(url: string, method: 'HEAD' | 'GET', options: CheckOptions): Promise<Answer> {
  const hops: Hop[] = [];
  let attempts = 1;
  try {
    const response = await got(url, {
      method,
      throwHttpErrors: false,
      followRedirect: true,
      maxRedirects: 10,
      timeout: { request: options.timeoutMs },
      retry: {
        limit: options.retries,
        methods: ['GET', 'HEAD'],
        backoffLimit: options.backoffLimitMs,
        noise: Math.min(100, options.backoffLimitMs),
      },
      headers: { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8' },
      ...(options.lookup ? { dnsLookup: options.lookup } : {}),
      hooks: {
        beforeRedirect: [
          (next, response) => {
            const hop = { status: response.statusCode, to: next.url?.toString() ?? '' };
            // A retry goes on from where the redirects had led, so a hop already seen is not a new one.
            if (!hops.some((seen) => seen.status === hop.status && seen.to === hop.to)) hops.push(hop);
          },
        ],
        beforeRetry: [
          () => {
            attempts += 1;
          },
        ],
      },
    });
    return {
      url,
      status: response.statusCode,
      ...(response.statusMessage ? { statusText: response.statusMessage } : {}),
      hops,
      finalUrl: response.url,
      attempts,
      method,
      timeoutMs: options.timeoutMs,
    };
  } catch (caught) {
    const error = caught as RequestError;
    return { url, hops, error: { code: error.code ?? 'ERROR', message: error.message }, attempts, method, timeoutMs: options.timeoutMs };
  }
}

/** Asks one address: HEAD, then GET if HEAD was answered with an error status. */
export async function checkUrl(url: string, options: CheckOptions): Promise<Answer> {
  const head = await ask(url, 'HEAD', options);
  if (head.status !== undefined && TRY_GET_AFTER(head.status)) return ask(url, 'GET', options);
  return head;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** Asks every address, at most `concurrency` at once and `perHost` to one host; answers in the order given. */
export async function checkUrls(urls: readonly string[], options: CheckOptions, progress?: (done: number, total: number) => void): Promise<Answer[]> {
  const all = pLimit(options.concurrency);
  const hosts = new Map<string, ReturnType<typeof pLimit>>();
  let done = 0;
  return Promise.all(
    urls.map((url) => {
      const host = hostOf(url);
      let limit = hosts.get(host);
      if (!limit) {
        limit = pLimit(options.perHost);
        hosts.set(host, limit);
      }
      const hostLimit = limit;
      return hostLimit(() =>
        all(async () => {
          const answer = await checkUrl(url, options);
          done += 1;
          progress?.(done, urls.length);
          return answer;
        }),
      );
    }),
  );
}
