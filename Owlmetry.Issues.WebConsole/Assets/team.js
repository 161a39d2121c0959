import { api, get, ApiError } from './api.js';
import { h, replace, announce } from './dom.js';
import { when } from './time.js';
import { state, teamRole, rerender } from './app.js';

const ROLES = { owner: 'Owner', admin: 'Admin', member: 'Member' };

// The members of each of the user's teams. Owners and admins add members, change roles and remove members; only owners
// give or take the owner role; anyone may leave. The server checks every one of these rules: the page only leaves out
// the controls it would refuse.
export async function showTeam(main) {
  // Read afresh: a role changed or a team left (here or in another tab) changes what the page may offer.
  state.me = await get('/v1/auth/me');
  let teams;
  try {
    teams = await Promise.all(state.me.teams.map((t) => get(`/v1/teams/${encodeURIComponent(t.id)}`)));
  } catch (e) {
    // An application that embeds the console without the server's directory routes keeps its teams itself.
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) {
      replace(main, h('section', { class: 'team-page' }, h('h1', null, 'Members'),
        h('p', { class: 'muted' }, 'This application manages its teams and members itself.')));
      return null;
    }
    throw e;
  }
  replace(main, h('section', { class: 'team-page' }, h('h1', null, 'Members'),
    teams.length ? teams.map(teamSection) : h('p', { class: 'muted' }, 'You are not a member of any team.')));
  return null;
}

function teamSection(team) {
  const mine = teamRole(team.id);
  const administers = mine === 'owner' || mine === 'admin';
  // Only an owner gives or takes the owner role, so only an owner acts on an owner's row or offers that role.
  const mayManage = (member) => administers && (member.role !== 'owner' || mine === 'owner');
  const offeredRoles = Object.entries(ROLES).filter(([role]) => mine === 'owner' || role !== 'owner');
  const error = h('p', { class: 'error', role: 'alert', id: `team-error-${team.id}` });
  const path = (member) => `/v1/teams/${encodeURIComponent(team.id)}/members/${encodeURIComponent(member.user_id)}`;

  function roleCell(member) {
    if (!mayManage(member)) return ROLES[member.role] ?? member.role;
    return h('select', { 'aria-label': `Role of ${member.name}`, 'data-user': member.user_id, onchange: async (event) => {
      error.textContent = '';
      try {
        const changed = await api('PATCH', path(member), { role: event.target.value });
        member.role = changed.role;
        announce(`${member.name} is now ${ROLES[changed.role]}`);
        // The signed-in user's own role changed: what they may do changed with it.
        if (member.user_id === state.me.user.id) await rerender();
      } catch (e) {
        error.textContent = e.message;
        event.target.value = member.role;
      }
    } }, offeredRoles.map(([role, label]) => h('option', { value: role, selected: role === member.role }, label)));
  }

  function removeCell(member) {
    const self = member.user_id === state.me.user.id;
    if (!self && !mayManage(member)) return null;
    return h('button', { type: 'button', class: 'link', 'data-remove': member.user_id, onclick: async () => {
      const question = self ? `Leave ${team.name}?` : `Remove ${member.name} from ${team.name}?`;
      if (!window.confirm(question)) return;
      error.textContent = '';
      try {
        await api('DELETE', path(member));
        await rerender();
        announce(self ? `You left ${team.name}` : `${member.name} removed`);
      } catch (e) {
        error.textContent = e.message;
      }
    } }, self ? 'Leave' : 'Remove');
  }

  function addForm() {
    if (!administers) return null;
    const id = (field) => `add-${field}-${team.id}`;
    const field = (name, label, attrs) => [h('label', { for: id(name) }, label), h('input', { id: id(name), name, ...attrs })];
    const form = h('form', { class: 'add-member', 'aria-label': `Add a member to ${team.name}`, onsubmit: async (event) => {
      event.preventDefault();
      error.textContent = '';
      const value = (name) => form.elements[name].value.trim() || undefined;
      try {
        const added = await api('POST', `/v1/teams/${encodeURIComponent(team.id)}/members`,
          { email: value('email'), name: value('name'), password: form.elements.password.value || undefined, role: value('role') });
        announce(`${added.name} added as ${ROLES[added.role]}`);
        await rerender();
      } catch (e) {
        error.textContent = e.message;
      }
    } },
    h('h3', null, 'Add a member'),
    field('email', 'Email', { type: 'email', required: true, autocomplete: 'off' }),
    h('label', { for: id('role') }, 'Role'),
    // Lowest role first: a new member is a member unless chosen otherwise.
    h('select', { id: id('role'), name: 'role' }, [...offeredRoles].reverse().map(([role, label]) => h('option', { value: role }, label))),
    field('name', 'Name (a new account only)', { type: 'text', autocomplete: 'off' }),
    field('password', 'Password (a new account only)', { type: 'password', autocomplete: 'new-password' }),
    h('button', { type: 'submit' }, 'Add'));
    return form;
  }

  return h('section', { class: 'team', 'data-team': team.id },
    h('h2', null, team.name),
    error,
    h('table', null,
      h('thead', null, h('tr', null, h('th', null, 'Name'), h('th', null, 'Email'), h('th', null, 'Role'), h('th', null, 'Joined'), h('th', null, ''))),
      h('tbody', null, team.members.map((member) => h('tr', { 'data-user': member.user_id },
        h('td', { 'data-label': 'Name' }, member.name),
        h('td', { 'data-label': 'Email' }, member.email),
        h('td', { 'data-label': 'Role', class: 'role' }, roleCell(member)),
        h('td', { 'data-label': 'Joined' }, when(member.joined_at)),
        h('td', null, removeCell(member)))))),
    addForm());
}
