import { api } from './api.js';
import { h } from './dom.js';

export const STATUS_LABELS = {
  new: 'New', regressed: 'Regressed', in_progress: 'In progress', resolved: 'Resolved', silenced: 'Silenced', snoozed: 'Snoozed',
};

// The verb of a button that moves an issue to a status.
export const ACTION_LABELS = {
  new: 'Reopen', in_progress: 'Start progress', resolved: 'Resolve…', silenced: 'Silence', snoozed: 'Snooze',
};

export function statusBadge(status) {
  return h('span', { class: `badge status-${status}` }, STATUS_LABELS[status] ?? status);
}

// Asks in a modal dialog for the version that carries the fix; resolves to the version, or null when cancelled.
export function askVersion(suggestion) {
  return new Promise((resolve) => {
    const input = h('input', { id: 'resolve-version', name: 'version', required: true, maxlength: 50, value: suggestion ?? '', autocomplete: 'off' });
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'resolve-title' },
      h('form', { method: 'dialog', onsubmit: (event) => {
        if (event.submitter?.value === 'cancel') return;
        event.preventDefault();
        if (!input.value.trim()) { input.focus(); return; }
        dialog.close('ok');
      } },
      h('h2', { id: 'resolve-title' }, 'Resolve issue'),
      h('label', { for: 'resolve-version' }, 'Fixed in app version'),
      h('p', { class: 'muted', id: 'resolve-help' }, 'A later version that still has the error makes the issue regress.'),
      input,
      h('div', { class: 'buttons' },
        h('button', { type: 'submit', value: 'ok', id: 'resolve-confirm' }, 'Resolve'),
        h('button', { type: 'submit', value: 'cancel', formnovalidate: true }, 'Cancel'))));
    input.setAttribute('aria-describedby', 'resolve-help');
    dialog.addEventListener('close', () => {
      const version = dialog.returnValue === 'ok' ? input.value.trim() : null;
      dialog.remove();
      resolve(version);
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
}

// PATCHes the status, asking for the version first when resolving; resolves to the changed issue, or null when cancelled.
export async function changeStatus(issue, target) {
  const body = { status: target };
  if (target === 'resolved') {
    const version = await askVersion(issue.last_seen_app_version);
    if (version === null) return null;
    body.resolved_at_version = version;
  }
  return api('PATCH', `/v1/projects/${issue.project_id}/issues/${issue.id}`, body);
}
