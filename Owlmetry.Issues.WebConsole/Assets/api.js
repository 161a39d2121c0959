// The Issues API from the browser: the session cookie authenticates (HttpOnly, the script never sees the token), and
// every state-changing call carries the antiforgery token of the session.
export const base = new URL('../../', import.meta.url).pathname;
let antiforgery = null;

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

export async function session() {
  const response = await fetch(`${base}console/session`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = await response.json();
  antiforgery = body.antiforgery_token;
  return body;
}

async function send(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-Owlmetry-Antiforgery'] = antiforgery ?? '';
  return fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
}

export async function api(method, path, body) {
  let response = await send(method, path, body);
  let data = await response.json().catch(() => null);
  // A token from before a restart or sign-in no longer validates: take a fresh one and try once more.
  if (response.status === 400 && method !== 'GET' && /antiforgery/i.test(data?.error ?? '')) {
    await session();
    response = await send(method, path, body);
    data = await response.json().catch(() => null);
  }
  if (!response.ok) throw new ApiError(response.status, data?.error ?? response.statusText);
  return data;
}

export const get = (path) => api('GET', path);

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}
