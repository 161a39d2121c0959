import { h } from './dom.js';

// Comments are Markdown, rendered by building DOM nodes: text is only ever a text node, so raw HTML in a comment shows
// as the characters typed and never becomes an element; a link becomes an <a> only when its URL is http(s) or mailto.
// The subset: paragraphs, headings, bullet and numbered lists, quotes, fenced and indented code, `code`, **strong**,
// *emphasis*, [links](https://…) and bare https:// URLs.
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export function safeUrl(raw) {
  try {
    const url = new URL(raw.trim(), window.location.href);
    return SAFE_SCHEMES.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const INLINE = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)|\[([^\]]*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)|\*\*(\S(?:[\s\S]*?\S)?)\*\*|__(\S(?:[\s\S]*?\S)?)__|\*(\S(?:[\s\S]*?\S)?)\*|\b_(\S(?:[\s\S]*?\S)?)_\b|(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]])/g;

function link(href, children) {
  return h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, children);
}

export function inline(text) {
  const out = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1]) out.push(h('code', null, m[2]));
    else if (m[3] !== undefined) {
      const href = safeUrl(m[4]);
      out.push(href ? link(href, inline(m[3])) : h('span', { class: 'refused-link', title: 'Link not shown: only http, https and mailto links are' }, inline(m[3])));
    } else if (m[5] ?? m[6]) out.push(h('strong', null, inline(m[5] ?? m[6])));
    else if (m[7] ?? m[8]) out.push(h('em', null, inline(m[7] ?? m[8])));
    else if (m[9]) {
      const href = safeUrl(m[9]);
      out.push(href ? link(href, m[9]) : m[9]);
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function render(markdown) {
  const root = h('div', { class: 'markdown' });
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  const paragraph = [];
  const flush = () => {
    if (paragraph.length) root.append(h('p', null, inline(paragraph.join('\n'))));
    paragraph.length = 0;
  };
  while (i < lines.length) {
    const line = lines[i];
    let m;
    if ((m = line.match(/^\s*(```+|~~~+)/))) {
      flush();
      const fence = m[1];
      const code = [];
      for (i++; i < lines.length && !lines[i].trim().startsWith(fence); i++) code.push(lines[i]);
      root.append(h('pre', null, h('code', null, code.join('\n'))));
      i++;
    } else if ((m = line.match(/^(#{1,6})\s+(.*)$/))) {
      flush();
      root.append(h(`h${Math.min(6, m[1].length + 2)}`, null, inline(m[2])));
      i++;
    } else if (/^\s*([-*+]|\d+[.)])\s+/.test(line)) {
      flush();
      const ordered = /^\s*\d/.test(line);
      const list = h(ordered ? 'ol' : 'ul');
      for (; i < lines.length && /^\s*([-*+]|\d+[.)])\s+/.test(lines[i]); i++) {
        list.append(h('li', null, inline(lines[i].replace(/^\s*([-*+]|\d+[.)])\s+/, ''))));
      }
      root.append(list);
    } else if (/^\s*>/.test(line)) {
      flush();
      const quoted = [];
      for (; i < lines.length && /^\s*>/.test(lines[i]); i++) quoted.push(lines[i].replace(/^\s*>\s?/, ''));
      root.append(h('blockquote', null, [...render(quoted.join('\n')).childNodes]));
    } else if (/^( {4}|\t)/.test(line) && paragraph.length === 0) {
      const code = [];
      for (; i < lines.length && (/^( {4}|\t)/.test(lines[i]) || lines[i].trim() === ''); i++) code.push(lines[i].replace(/^( {4}|\t)/, ''));
      root.append(h('pre', null, h('code', null, code.join('\n').replace(/\n+$/, ''))));
    } else if (line.trim() === '') {
      flush();
      i++;
    } else {
      paragraph.push(line);
      i++;
    }
  }
  flush();
  return root;
}
