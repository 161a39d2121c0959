import { api, base, get, session, ApiError } from './api.js';
import { h, replace } from './dom.js';
import { showStream } from './stream.js';
import { showIssue } from './issue.js';
import { showTeam } from './team.js';

// The console's state: who is signed in, their teams and the projects of those teams. Everything shown comes from the
// /v1 API with the session cookie; the API decides what the user may see and do.
export const state = { me: null, projects: [], apps: new Map() };
const main = document.getElementById('main');
let leaveView = null;

export function route() {
  const [path, search] = window.location.hash.replace(/^#/, '').split('?');
  return { parts: path.split('/').filter(Boolean), params: new URLSearchParams(search ?? '') };
}

export function navigate(hash) {
  if (window.location.hash === hash) rerender();
  else window.location.hash = hash;
}

export function teamRole(teamId) {
  return state.me?.teams.find((t) => t.id === teamId)?.role ?? null;
}

export async function appsOfTeam(teamId) {
  if (!state.apps.has(teamId)) state.apps.set(teamId, (await get(`/v1/apps?team_id=${encodeURIComponent(teamId)}`)).apps);
  return state.apps.get(teamId);
}

export function showError(error) {
  const message = error instanceof ApiError ? `${error.message} (${error.status})` : String(error?.message ?? error);
  replace(main, h('div', { class: 'error', role: 'alert' }, h('h1', null, 'Something went wrong'), h('p', null, message),
    h('p', null, h('a', { href: '#/' }, 'Back to the issues'))));
}

function showLogin(message) {
  const email = h('input', { id: 'login-email', name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { id: 'login-error', class: 'error', role: 'alert' }, message ?? '');
  const form = h('form', { class: 'login', 'aria-labelledby': 'login-title', onsubmit: async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      await api('POST', `${base}console/login`, { email: email.value, password: password.value });
      await start();
    } catch (e) {
      error.textContent = e.message;
      password.select();
    }
  } },
  h('h1', { id: 'login-title' }, 'Sign in'),
  h('p', { class: 'muted' }, 'With the email and password of your account (the first one is in initial-credentials.json).'),
  h('label', { for: 'login-email' }, 'Email'), email,
  h('label', { for: 'login-password' }, 'Password'), password,
  error,
  h('button', { type: 'submit', id: 'login-submit' }, 'Sign in'));
  replace(document.getElementById('account'));
  replace(main, form);
  email.focus();
}

function showAccount() {
  replace(document.getElementById('account'),
    h('a', { href: '#/team', id: 'team-link' }, 'Members'),
    h('span', { class: 'who' }, state.me.user.name || state.me.user.email),
    h('button', { type: 'button', id: 'logout', onclick: async () => {
      await api('POST', `${base}console/logout`);
      state.me = null;
      window.location.hash = '#/';
      await start();
    } }, 'Sign out'));
}

export async function rerender() {
  if (!state.me) return;
  if (leaveView) leaveView();
  leaveView = null;
  const { parts, params } = route();
  try {
    if (parts[0] === 'issue' && parts.length === 3) leaveView = await showIssue(main, parts[1], parts[2], params);
    else if (parts[0] === 'team') leaveView = await showTeam(main);
    else leaveView = await showStream(main, params);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) { state.me = null; showLogin('Your session ended: sign in again.'); } else showError(e);
  }
}

async function start() {
  const current = await session();
  if (!current.signed_in) { showLogin(); return; }
  try {
    const [me, projects] = await Promise.all([get('/v1/auth/me'), get('/v1/projects')]);
    state.me = me;
    state.projects = projects.projects;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) { showLogin(); return; }
    throw e;
  }
  showAccount();
  await rerender();
}

window.addEventListener('hashchange', rerender);
start().catch(showError);
