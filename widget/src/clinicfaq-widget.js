/*! ClinicFAQ chat widget, protocol v1. Embed: widget/README.md */
(() => {
  'use strict';
  // A guest on someone else's page: one global name, and a second tag or a second run changes nothing.
  if (window.ClinicFAQ) return;

  // The wire protocol (docs/protocol.md): the only place the widget spells a frame type.
  const PROTOCOL = Object.freeze({
    version: 1,
    path: 'ws/chat',
    resumeParam: 'conversation',
    // the article the page is about (data-article), so a new conversation starts with it as its topic
    articleParam: 'article',
    // the page's language (data-lang, else <html lang>): a new conversation greets a Spanish page in Spanish
    langParam: 'lang',
    // the server's close status when it takes no more conversations for now
    busyClose: 1013,
    server: Object.freeze({
      welcome: 'welcome', ack: 'ack', visitor: 'visitor', bot: 'bot',
      invalid: 'handoff.invalid', error: 'error', pong: 'pong'
    }),
    client: Object.freeze({
      message: 'message', accept: 'handoff.accept', decline: 'handoff.decline',
      submit: 'handoff.submit', cancel: 'handoff.cancel', ping: 'ping', feedback: 'feedback'
    }),
    kind: Object.freeze({
      emergency: 'emergency', form: 'handoff.form', confirmed: 'handoff.confirmed', cancelled: 'handoff.cancelled',
      answer: 'answer', clinician: 'clinician', greeting: 'greeting'
    })
  });
  const S = PROTOCOL.server;
  const C = PROTOCOL.client;
  const ACTIONS = [C.accept, C.decline, C.cancel];
  // The server keeps a contact form open whatever else is said, until it is sent or cancelled.
  const FORM_ENDS = [PROTOCOL.kind.form, PROTOCOL.kind.confirmed, PROTOCOL.kind.cancelled];

  const script = document.currentScript || document.querySelector('script[src*="clinicfaq-widget"]');
  const data = (script && script.dataset) || {};
  let socketUrl;
  let sourceBase;
  try {
    const server = data.server
      ? new URL(data.server.replace(/\/?$/, '/'), location.href)
      : new URL('/', (script && script.src) || location.href);
    socketUrl = new URL(PROTOCOL.path, server);
    socketUrl.protocol = socketUrl.protocol === 'https:' ? 'wss:' : 'ws:';
    // Relative source links point at the server's pages (the articles live there), unless told otherwise.
    sourceBase = new URL(data.sourceBase || '/', server).href;
  } catch (e) {
    console.warn('ClinicFAQ: data-server or data-source-base is not a URL', data.server, data.sourceBase);
    return;
  }
  const retentionDays = /^\d{1,4}$/.test(data.retentionDays || '') ? +data.retentionDays : 30;

  const KEY = 'clinicfaq:' + socketUrl.host + ':';
  const store = {
    get(key) {
      try { return JSON.parse(sessionStorage.getItem(KEY + key)); } catch (e) { return null; }
    },
    set(key, value) {
      try {
        if (value == null) sessionStorage.removeItem(KEY + key);
        else sessionStorage.setItem(KEY + key, JSON.stringify(value));
      } catch (e) { /* storage blocked: the chat still works, it just does not survive a reload */ }
    }
  };

  // Every node is built here; text only ever goes in as text nodes, never as markup.
  const h = (tag, props, ...children) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v == null || v === false) continue;
      if (k === 'text') el.textContent = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) if (c != null && c !== false) el.append(c);
    return el;
  };
  const list = (x) => (Array.isArray(x) ? x : []);
  let uid = 0;
  const nextId = (p) => 'cf-' + p + (++uid);
  const icon = (d) => {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    svg.append(path);
    return svg;
  };

  const CSS = `
:host{all:initial!important}
[hidden]{display:none!important}
.cf{--a:#005a9c;--at:#fff;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2328}
button,input,textarea{font:inherit;color:inherit;box-sizing:border-box}
button{cursor:pointer}
button:disabled,input:disabled,textarea:disabled{opacity:.5;cursor:not-allowed}
:focus-visible{outline:3px solid #1f2328;outline-offset:2px;box-shadow:0 0 0 5px #fff}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;display:flex;align-items:center;gap:8px;min-height:56px;padding:0 22px 0 18px;border:0;border-radius:28px;background:var(--a);color:var(--at);font-weight:600;box-shadow:0 4px 14px rgba(0,0,0,.3)}
.launcher svg{width:24px;height:24px;fill:currentColor}
.panel{position:fixed;right:20px;bottom:88px;z-index:2147483000;display:flex;flex-direction:column;width:min(400px,calc(100vw - 40px));height:min(640px,calc(100vh - 108px));background:#fff;border:1px solid #8b929c;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.3);overflow:hidden;overflow:clip}
.left .launcher,.left .panel{right:auto;left:20px}
.head{display:flex;align-items:center;gap:8px;padding:6px 6px 6px 16px;background:var(--a);color:var(--at)}
h2{flex:1;margin:0;font-size:18px;font-weight:700}
.x{width:48px;height:48px;border:0;border-radius:8px;background:transparent;color:inherit}
.x svg{width:24px;height:24px;fill:currentColor}
.note{margin:0;padding:8px 16px;background:#f3f5f8;border-bottom:1px solid #d5d9df;font-size:13px;color:#39414d}
.note:focus{outline:3px solid var(--a);outline-offset:-3px}
.log{position:relative;flex:1;display:flex;flex-direction:column;gap:12px;padding:12px 16px;overflow-y:auto}
.msg{max-width:90%;padding:10px 12px;border-radius:12px;overflow-wrap:anywhere}
.msg p{margin:0;white-space:pre-wrap}
.msg .t{display:inline}
.visitor{align-self:flex-end;background:var(--a);color:var(--at)}
.visitor small{display:block;margin-top:2px;font-size:12px}
.bot{align-self:flex-start;background:#f1f3f6;border:1px solid #d5d9df}
.alert{max-width:100%;background:#fdecea;border:2px solid #b3261e;color:#410e0b}
.alert strong{display:block;margin-bottom:4px;color:#8c1d18;font-size:17px}
.divider{align-self:center;margin:0;font-size:13px;color:#39414d}
.msg .src{margin-top:6px;font-size:14px}
.src a{color:#00487d}
.dm{display:inline-flex;align-items:center;justify-content:center;width:44px;height:44px;margin:-12px -12px -12px -4px;padding:0;border:0;background:none;vertical-align:middle;color:#39414d}
.alert .dm{color:#410e0b}
.dm span{width:16px;height:16px;border:1.5px solid;border-radius:50%;font:italic 700 11px/16px Georgia,serif;text-align:center}
.chips{display:flex;flex-wrap:wrap;gap:8px;margin-top:10px}
.chip{min-height:44px;padding:8px 14px;border:1px solid var(--a);border-radius:22px;background:#fff;color:var(--a);text-align:left}
.chip[aria-pressed=true]{background:var(--a);color:var(--at)}
.helpful{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin-top:8px;font-size:14px;color:#39414d}
.helpful .chip{padding:4px 14px}
.status{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin:0 16px 8px;padding:8px 12px;background:#fff4e5;border:1px solid #b26a00;border-radius:8px;font-size:14px;color:#4d2e00}
.status button{min-height:44px;padding:4px 12px;border:1px solid #4d2e00;border-radius:8px;background:#fff}
.typing{margin:0;padding:0 16px 6px;font-size:13px;color:#39414d}
.typing i{display:inline-block;width:7px;height:7px;margin-right:3px;border-radius:50%;background:currentColor;animation:cfb 1s infinite}
.typing i:nth-child(2){animation-delay:.2s}
.typing i:nth-child(3){animation-delay:.4s}
@keyframes cfb{50%{opacity:.2}}
.compose{display:flex;gap:8px;padding:10px 12px;border-top:1px solid #d5d9df}
textarea,.hf input:not([type=checkbox]){width:100%;min-height:44px;padding:9px 11px;border:1px solid #6b7280;border-radius:10px;background:#fff;color:#1f2328}
textarea{flex:1;max-height:120px;resize:none}
.send{min-width:72px;min-height:44px;border:0;border-radius:10px;background:var(--a);color:var(--at);font-weight:600}
.privacy{margin:0;padding:0 16px 10px;font-size:12px;color:#39414d}
.hf fieldset{display:grid;gap:10px;margin:10px 0 0;padding:0;border:0;min-width:0}
.hf legend{padding:0;font-weight:700}
.hf label{display:block;margin-bottom:4px;font-size:14px;font-weight:600}
.hf .box{display:flex;align-items:flex-start;gap:10px;font-weight:400}
.hf input[type=checkbox]{flex:none;width:24px;height:24px;margin:0}
.hint{margin:0;font-size:13px}
.err{margin:4px 0 0;font-size:13px;font-weight:600;color:#a4161a}
[aria-invalid=true]{border:2px solid #a4161a!important}
.row{display:flex;flex-wrap:wrap;gap:8px}
.row button{min-height:44px;padding:8px 16px;border:1px solid var(--a);border-radius:10px;background:#fff;color:var(--a)}
.row .primary{background:var(--a);color:var(--at);font-weight:600}
@media (max-width:480px),(max-height:500px){
.panel{inset:0;width:100%;height:100%;border:0;border-radius:0}
.open .launcher{display:none}
.launcher{right:12px;bottom:12px}
}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
`;

  // The widget's own words, in the page's language (data-lang, else <html lang>); a contact form in the language it
  // was offered in (its frame's lang). Everything the bot says comes from the server, already in the visitor's language.
  const STRINGS = {
    en: {
      title: 'Questions? Ask us', launcher: 'Ask a question', conversation: 'Conversation', retry: 'Retry now', typing: ' typing…',
      placeholder: 'Type your question', question: 'Your question', send: 'Send', close: 'Close chat',
      note: 'I am an automated assistant: general information from the practice\'s articles, not medical advice. In an emergency, call 911.',
      privacy: (days) => 'Privacy: the practice stores conversations so staff can follow up. Conversations without a contact request are deleted after ' + days + ' days.',
      queued: 'Waiting for connection…', failed: 'Not sent', sending: 'Sending…', assistant: 'Assistant: ', urgent: 'Urgent',
      source: 'Source: ', article: 'the article', details: 'Your contact details', required: ' (required)',
      oneOfHint: 'Please give a phone number or an email address (or both).', cancel: 'Cancel', sendRequest: 'Send request',
      contactRequest: 'Contact request', tick: 'Please tick this box to continue.', name: 'Please tell us your name.',
      fill: 'Please fill this in.', email: 'Please enter an email address like name@example.com.',
      phone: 'Please enter a phone number with 7 to 15 digits.', oneOf: 'Please give a phone number or an email address.',
      busy: 'The chat is busy right now. Trying again shortly… Messages you send now will go out when it connects.',
      offline: 'You are offline. Reconnecting… Messages you send now will go out when the connection is back.',
      restored: 'Conversation restored.', tooQuick: (s) => 'You are sending messages quickly. Trying again in ' + s + ' seconds.',
      wrong: 'Something went wrong. Please try again.',
      helped: 'Did this answer your question?', yes: 'Yes', no: 'No', told: 'Thank you for telling us.',
      disclaimer: 'Disclaimer, at the top of the chat'
    },
    es: {
      title: '¿Preguntas? Escríbanos', launcher: 'Haga una pregunta', conversation: 'Conversación', retry: 'Reintentar', typing: ' escribiendo…',
      placeholder: 'Escriba su pregunta', question: 'Su pregunta', send: 'Enviar', close: 'Cerrar el chat',
      note: 'Soy un asistente automático: información general de los artículos de la práctica, no un consejo médico. En una emergencia, llame al 911.',
      privacy: (days) => 'Privacidad: la práctica guarda las conversaciones para que el personal pueda darles seguimiento. Las conversaciones sin solicitud de contacto se borran después de ' + days + ' días.',
      queued: 'Esperando la conexión…', failed: 'No se envió', sending: 'Enviando…', assistant: 'Asistente: ', urgent: 'Urgente',
      source: 'Fuente: ', article: 'el artículo', details: 'Sus datos de contacto', required: ' (obligatorio)',
      oneOfHint: 'Por favor dé un número de teléfono o un correo electrónico (o los dos).', cancel: 'Cancelar', sendRequest: 'Enviar solicitud',
      contactRequest: 'Solicitud de contacto', tick: 'Por favor marque esta casilla para continuar.', name: 'Por favor díganos su nombre.',
      fill: 'Por favor llene este campo.', email: 'Por favor escriba un correo electrónico como nombre@ejemplo.com.',
      phone: 'Por favor escriba un número de teléfono de 7 a 15 dígitos.', oneOf: 'Por favor dé un número de teléfono o un correo electrónico.',
      busy: 'El chat está ocupado. Volveremos a intentar en un momento… Los mensajes que envíe saldrán cuando se conecte.',
      offline: 'Está sin conexión. Reconectando… Los mensajes que envíe saldrán cuando vuelva la conexión.',
      restored: 'Conversación recuperada.', tooQuick: (s) => 'Está enviando mensajes muy rápido. Volveremos a intentar en ' + s + ' segundos.',
      wrong: 'Algo salió mal. Por favor intente de nuevo.',
      helped: '¿Contestó esto su pregunta?', yes: 'Sí', no: 'No', told: 'Gracias por decírnoslo.',
      disclaimer: 'Aviso, arriba en el chat'
    }
  };
  const pageLanguage = String(data.lang || document.documentElement.lang || '').slice(0, 2).toLowerCase();
  const T = STRINGS[pageLanguage] || STRINGS.en;
  const title = data.title || T.title;
  const host = document.createElement('clinicfaq-widget');
  const root = host.attachShadow({ mode: 'open' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch (e) {
    root.append(h('style', { text: CSS }));
  }

  const wrap = h('div', { class: 'cf' + (/left/.test(data.position || '') ? ' left' : '') });
  if (data.color) wrap.style.setProperty('--a', data.color);
  if (data.textColor) wrap.style.setProperty('--at', data.textColor);

  const launcher = h('button', {
    type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'cf-panel',
    onclick: () => (panel.hidden ? open(true) : close())
  }, icon('M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z'),
  h('span', { text: data.launcherLabel || T.launcher }));

  // The disclaimer, shown once and always in view; each bot message has a marker that leads here.
  const note = h('p', { class: 'note', id: 'cf-note', tabindex: '-1', text: T.note });
  const log = h('div', { class: 'log', role: 'region', 'aria-label': T.conversation, tabindex: '0' });
  const statusText = h('span');
  const retry = h('button', { type: 'button', text: T.retry, onclick: () => reconnectNow() });
  const status = h('div', { class: 'status', role: 'status', hidden: true }, statusText, retry);
  const typing = h('p', { class: 'typing', hidden: true, 'aria-hidden': 'true' }, h('i'), h('i'), h('i'), T.typing);
  const input = h('textarea', {
    id: 'cf-input', rows: '1', maxlength: '2000', autocomplete: 'off', 'aria-describedby': 'cf-note',
    placeholder: T.placeholder, onkeydown: (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); submitInput(); }
    }
  });
  const compose = h('form', { class: 'compose', onsubmit: (e) => { e.preventDefault(); submitInput(); } },
    h('label', { class: 'sr', for: 'cf-input', text: T.question }), input,
    h('button', { type: 'submit', class: 'send', text: T.send }));
  const privacy = h('p', {
    class: 'privacy',
    text: T.privacy(retentionDays)
  });
  const panel = h('section', {
    id: 'cf-panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'cf-title', hidden: true,
    onkeydown: (e) => { if (e.key === 'Escape') { e.stopPropagation(); close(); } }
  },
  h('div', { class: 'head' }, h('h2', { id: 'cf-title', text: title }),
    h('button', { type: 'button', class: 'x', 'aria-label': T.close, onclick: () => close() },
      icon('M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7 2.9 18.3 9.2 12 2.9 5.7 4.3 4.3l6.3 6.3 6.3-6.3z'))),
  note, log, status, typing, compose, privacy);
  const live = h('div', { class: 'sr', 'aria-live': 'polite' });
  wrap.append(launcher, panel, live);
  root.append(wrap);

  // ---- conversation state ----
  let conversationId = store.get('conversation');
  let pending = (store.get('pending') || []).filter((m) => m && m.id && m.text);
  const outbox = [];
  const seen = new Set();
  let lastInteractive = [];
  let activeForm = null;
  // The start of the bot's reply to the visitor's latest message, urgent guidance above all: kept in view below it.
  let anchor = null;
  let ws = null;
  let ready = false;
  let attempt = 0;
  let timer = 0;

  // Each stored message has a sequence number: a frame seen once (live or in a history) is not shown twice.
  const fresh = (seq) => typeof seq !== 'number' || (!seen.has(seq) && !!seen.add(seq));
  const savePending = () => store.set('pending', pending.length ? pending.map(({ id, text }) => ({ id, text })) : null);
  const scrollDown = () => {
    log.scrollTop = anchor && anchor.isConnected ? Math.min(log.scrollHeight, anchor.offsetTop - 12) : log.scrollHeight;
  };
  const announce = (text) => {
    live.append(h('p', { text }));
    while (live.childNodes.length > 3) live.firstChild.remove();
  };
  const setStatus = (text, canRetry) => {
    statusText.textContent = text || '';
    delete statusText.dataset.wait;
    status.hidden = !text;
    retry.hidden = !canRetry;
  };
  let typingTimer = 0;
  const showTyping = (on) => {
    typing.hidden = !on;
    clearTimeout(typingTimer);
    if (on) { scrollDown(); typingTimer = setTimeout(() => { typing.hidden = true; }, 20000); }
  };

  function bubbleState(m, state) {
    m.el.dataset.state = state;
    m.meta.textContent = state === 'sent' ? '' : state === 'queued' ? T.queued
      : state === 'failed' ? T.failed : T.sending;
  }

  function appendVisitor(text) {
    const meta = h('small');
    const el = h('div', { class: 'msg visitor' }, h('span', { class: 'sr', text: 'You: ' }), h('p', { text }), meta);
    anchor = null;
    log.append(el);
    scrollDown();
    return { el, meta };
  }

  // Only the newest bot message keeps live buttons: older offers and suggestions are settled.
  function retire() {
    for (const el of lastInteractive) {
      if (el.classList.contains('suggest')) el.remove();
      else el.disabled = true;
    }
    lastInteractive = [];
  }

  function retireForm() {
    if (activeForm) {
      activeForm.fieldset.disabled = true;
      // the draft of a form that is sent, cancelled or over is not kept
      if ((store.get('draft') || {}).seq === activeForm.seq) store.set('draft', null);
    }
    activeForm = null;
  }

  function safeLink(url) {
    try {
      const u = new URL(url, sourceBase);
      return /^https?:$/.test(u.protocol) ? u : null;
    } catch (e) { return null; }
  }

  function renderBot(f, interactive, isLive) {
    retire();
    if (FORM_ENDS.includes(f.kind)) retireForm();
    const emergency = f.emergency === true || f.kind === PROTOCOL.kind.emergency;
    const spanish = f.lang === 'es';
    const W = spanish ? STRINGS.es : f.lang === 'en' ? STRINGS.en : T; // this message's own language
    // the page's own greeting (data-greeting), where it has one, in place of the service's: one greeting
    const text = (f.kind === PROTOCOL.kind.greeting && data.greeting) || f.text || '';
    const disclaimer = f.disclaimer || note.textContent;
    const el = h('div', { class: 'msg bot' + (emergency ? ' alert' : ''), role: emergency && isLive ? 'alert' : null, 'data-kind': f.kind,
      lang: typeof f.lang === 'string' && /^[a-z]{2}$/.test(f.lang) ? f.lang : null },
      h('span', { class: 'sr', text: W.assistant }),
      emergency ? h('strong', { text: W.urgent }) : null,
      h('p', { class: 't', text }),
      h('button', { type: 'button', class: 'dm', 'aria-label': W.disclaimer, title: W.disclaimer, onclick: () => note.focus() },
        h('span', { text: 'i' })));
    if (emergency || !anchor) anchor = el;
    const link = f.source && f.source.url && safeLink(f.source.url);
    if (link) {
      const a = h('a', { href: link.href, text: f.source.sectionTitle || f.source.articleTitle || W.article });
      if (link.origin !== location.origin) { a.target = '_blank'; a.rel = 'noopener noreferrer'; }
      el.append(h('p', { class: 'src' }, W.source, a));
    }
    // a quiet "Did this answer your question?" under an answer: a "no" brings other answers and a staff follow-up
    if (isLive && (f.kind === PROTOCOL.kind.answer || f.kind === PROTOCOL.kind.clinician && link) && Number.isInteger(f.seq)) {
      const ask = h('div', { class: 'helpful', role: 'group', 'aria-label': W.helped }, h('span', { text: W.helped }));
      for (const [label, helpful] of [[W.yes, true], [W.no, false]]) {
        ask.append(h('button', { type: 'button', class: 'chip', text: label, onclick: () => {
          ask.replaceChildren(h('span', { text: W.told }));
          announce(W.told);
          input.focus();
          transmit({ type: C.feedback, seq: f.seq, helpful }, !helpful);
        } }));
      }
      el.append(ask);
    }
    const actions = list(f.actions).filter((a) => a && ACTIONS.includes(a.type));
    if (actions.length) {
      const row = h('div', { class: 'chips', role: 'group', 'aria-label': 'Your answer' });
      for (const a of actions) {
        const b = h('button', {
          type: 'button', class: 'chip', text: a.label || a.type, disabled: !interactive, 'aria-pressed': 'false',
          onclick: () => { b.setAttribute('aria-pressed', 'true'); retire(); input.focus(); transmit({ type: a.type }); }
        });
        row.append(b);
        if (interactive) lastInteractive.push(b);
      }
      el.append(row);
    }
    const suggestions = list(f.suggestions).filter((s) => typeof s === 'string' && s);
    if (suggestions.length && interactive) {
      const row = h('div', { class: 'chips suggest', role: 'group', 'aria-label': 'Suggested questions' });
      for (const s of suggestions) {
        row.append(h('button', { type: 'button', class: 'chip', text: s, onclick: () => { input.focus(); sendMessage(s); } }));
      }
      el.append(row);
      lastInteractive.push(row);
    }
    if (f.kind === PROTOCOL.kind.form && f.form) el.append(renderForm(f.form, isLive, W, f.seq));
    // the protocol's disclaimer on every message: for screen readers, here; for the eyes, once, in the note
    el.append(h('p', { class: 'sr disc', text: disclaimer }));
    note.textContent = disclaimer;
    log.append(el);
    scrollDown();
    if (isLive && !emergency) announce(W.assistant + text + (link ? ' ' + W.source + (f.source.sectionTitle || W.article) : '') + ' ' + disclaimer);
  }

  // The same rules as the server's (it checks again and has the last word).
  const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
  const validPhone = (v) => /^[\d+()./\s-]+$/.test(v) && /^(\D*\d){7,15}\D*$/.test(v);

  function renderForm(spec, isLive, W, seq) {
    const oneOf = list(spec.atLeastOneOf);
    const fields = {};
    const fieldset = h('fieldset', {}, h('legend', { text: W.details }));
    for (const fd of list(spec.fields)) {
      if (!fd || typeof fd.name !== 'string') continue;
      const id = nextId('f');
      const err = h('p', { class: 'err', id: id + 'e', hidden: true });
      const box = /^consent/i.test(fd.name);
      const labelText = (fd.label || fd.name) + (fd.required && !box ? W.required : '');
      const attrs = {
        id, name: fd.name, 'aria-describedby': id + 'e', 'aria-required': fd.required ? 'true' : null,
        maxlength: fd.maxLength > 0 ? String(fd.maxLength) : null
      };
      let control;
      if (box) {
        control = h('input', Object.assign(attrs, { type: 'checkbox' }));
        fieldset.append(h('div', {}, h('label', { class: 'box', for: id }, control, h('span', { text: labelText })), err));
      } else {
        const type = { email: 'email', phone: 'tel' }[fd.name] || 'text';
        control = fd.maxLength > 200
          ? h('textarea', Object.assign(attrs, { rows: '2' }))
          : h('input', Object.assign(attrs, { type, autocomplete: { name: 'name', phone: 'tel', email: 'email' }[fd.name] || 'off' }));
        if (fd.name === oneOf[0]) fieldset.append(h('p', { class: 'hint', text: W.oneOfHint }));
        fieldset.append(h('div', {}, h('label', { for: id, text: labelText }), control, err));
      }
      fields[fd.name] = { fd, control, err, box };
    }
    const cancel = h('button', { type: 'button', text: W.cancel, onclick: () => { retireForm(); input.focus(); transmit({ type: C.cancel }); } });
    fieldset.append(h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary', text: W.sendRequest }), cancel));
    const form = h('form', { class: 'hf', novalidate: true, 'aria-label': W.contactRequest }, fieldset);

    const mark = (f, msg) => {
      f.err.textContent = msg || '';
      f.err.hidden = !msg;
      f.control.setAttribute('aria-invalid', msg ? 'true' : 'false');
    };
    const show = (errors) => {
      let first = null;
      const leftover = [];
      for (const [name, f] of Object.entries(fields)) {
        mark(f, errors[name]);
        if (errors[name] && !first) first = f.control;
      }
      for (const [name, msg] of Object.entries(errors)) if (!fields[name]) leftover.push(msg);
      setStatus(leftover.join(' '));
      if (first) first.focus();
    };
    const check = () => {
      const values = {};
      const errors = {};
      for (const [name, f] of Object.entries(fields)) {
        values[name] = f.box ? f.control.checked : f.control.value.trim();
        if (f.fd.required && !values[name]) {
          errors[name] = f.box ? W.tick : name === 'name' ? W.name : W.fill;
        }
      }
      if (values.email && !EMAIL.test(values.email)) errors.email = W.email;
      if (values.phone && !validPhone(values.phone)) errors.phone = W.phone;
      if (oneOf.length && oneOf.every((n) => !values[n]) && fields[oneOf[0]]) errors[oneOf[0]] = W.oneOf;
      return [values, errors];
    };
    // What the visitor typed survives a reload of the page (in this tab only: sessionStorage); ticks are given again.
    const draft = store.get('draft');
    if (draft && draft.seq === seq && draft.values) {
      for (const [name, f] of Object.entries(fields)) if (!f.box && typeof draft.values[name] === 'string') f.control.value = draft.values[name];
    }
    form.addEventListener('input', (e) => {
      // an error shown goes (or says what is still wrong) as the visitor fixes its field; no new ones while typing
      const [, errors] = check();
      for (const name of oneOf.includes(e.target.name) ? oneOf : [e.target.name]) {
        if (fields[name] && fields[name].err.textContent) mark(fields[name], errors[name]);
      }
      const values = {};
      for (const [name, f] of Object.entries(fields)) if (!f.box) values[name] = f.control.value;
      store.set('draft', { seq, values });
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const [values, errors] = check();
      show(errors);
      if (Object.keys(errors).length) return;
      fieldset.disabled = true;
      transmit(Object.assign({ type: C.submit }, values));
    });
    activeForm = { fieldset, show, seq };
    if (isLive && panel.contains(root.activeElement)) {
      setTimeout(() => { const first = fieldset.querySelector('input,textarea'); if (first) first.focus(); });
    }
    return form;
  }

  // ---- the socket: connect lazily, resume by id, back off, resend what was not acknowledged ----
  function connect() {
    if (ws || timer) return;
    const url = new URL(socketUrl);
    if (conversationId) url.searchParams.set(PROTOCOL.resumeParam, conversationId);
    if (typeof data.article === 'string' && data.article) url.searchParams.set(PROTOCOL.articleParam, data.article.slice(0, 300));
    if (/^[a-z]{2}$/.test(pageLanguage)) url.searchParams.set(PROTOCOL.langParam, pageLanguage);
    let sock;
    try { sock = new WebSocket(url.href); } catch (e) { offline(); return; }
    ws = sock;
    sock.onmessage = (e) => {
      let f;
      try { f = JSON.parse(e.data); } catch (err) { return; }
      if (f && f.v === PROTOCOL.version) receive(f);
    };
    sock.onclose = (e) => {
      if (ws !== sock) return;
      ws = null;
      ready = false;
      showTyping(false);
      // The server's idle close (1000) is not a failure: reconnect when the visitor next needs it.
      if (e.code === 1000 && !pending.length && !outbox.length) return;
      offline(e.code === PROTOCOL.busyClose);
    };
  }

  function offline(busy) {
    for (const m of pending) bubbleState(m, 'queued');
    // Nobody is waiting: connect again when the panel next opens.
    if (panel.hidden && !pending.length && !outbox.length) return;
    setStatus(busy
      ? T.busy
      : T.offline, true);
    if (timer) return;
    // A busy server is not helped by its crowd coming back at once: wait longer, and spread out.
    const delay = (busy ? 10000 + Math.min(50000, 10000 * attempt++) : Math.min(15000, 500 * 2 ** attempt++))
      * (0.8 + Math.random() * 0.4);
    timer = setTimeout(() => { timer = 0; connect(); }, delay);
  }

  function reconnectNow() {
    clearTimeout(timer);
    timer = 0;
    attempt = 0;
    connect();
  }

  // expectReply: whether the bot answers it (a "yes, that helped" is only recorded)
  function transmit(frame, expectReply = true) {
    const out = Object.assign({ v: PROTOCOL.version }, frame);
    if (expectReply) anchor = null;
    if (ready && ws) {
      ws.send(JSON.stringify(out));
      if (expectReply) showTyping(true);
    } else {
      if (frame.type !== C.message) outbox.push(out);
      if (!ws) reconnectNow();
    }
  }

  function sendMessage(text) {
    text = text.trim();
    if (!text) return;
    retire();
    const m = Object.assign({ id: 'm-' + Date.now().toString(36) + Math.random().toString(36).slice(2, 8), text }, appendVisitor(text));
    pending.push(m);
    savePending();
    bubbleState(m, ready ? 'sending' : 'queued');
    transmit({ type: C.message, id: m.id, text });
  }

  function submitInput() {
    const text = input.value;
    if (!text.trim()) return;
    input.value = '';
    sendMessage(text);
  }

  function receive(f) {
    switch (f.type) {
      case S.welcome: return welcome(f);
      case S.ack: {
        const m = pending.find((p) => p.id === f.id);
        if (!m) return;
        pending = pending.filter((p) => p !== m);
        savePending();
        if (statusText.dataset.wait) setStatus('');
        if (fresh(f.seq)) bubbleState(m, 'sent');
        else m.el.remove(); // it was stored before the drop and came back in the history
        return;
      }
      case S.bot:
        if (!fresh(f.seq)) return;
        showTyping(false);
        renderBot(f, true, true);
        if (f.kind === PROTOCOL.kind.confirmed) input.focus();
        return;
      case S.invalid:
        showTyping(false);
        if (activeForm) { activeForm.fieldset.disabled = false; activeForm.show(f.errors || {}); }
        return;
      case S.error: return error(f);
      default:
    }
  }

  function welcome(f) {
    ready = true;
    attempt = 0;
    setStatus('');
    if (conversationId && f.conversationId !== conversationId && log.querySelector('.msg')) {
      log.append(h('p', { class: 'divider', text: 'Your earlier conversation has ended. This is a new one.' }));
      seen.clear();
      retire();
      retireForm();
    }
    conversationId = f.conversationId;
    store.set('conversation', conversationId);
    if (f.limits && f.limits.maxMessageChars > 0) input.maxLength = f.limits.maxMessageChars;
    const history = f.resumed ? list(f.history).filter((x) => x && fresh(x.seq)) : [];
    history.forEach((x, i) => {
      if (x.type === S.visitor) appendVisitor(x.text || '').meta.remove();
      else if (x.type === S.bot) renderBot(x, i === history.length - 1, false);
    });
    if (history.length) announce(T.restored);
    for (const m of pending) {
      log.append(m.el);
      bubbleState(m, 'sending');
      ws.send(JSON.stringify({ v: PROTOCOL.version, type: C.message, id: m.id, text: m.text }));
    }
    while (outbox.length) ws.send(JSON.stringify(outbox.shift()));
    if (pending.length) { anchor = null; showTyping(true); }
    scrollDown();
  }

  function error(f) {
    showTyping(false);
    const m = f.ref && pending.find((p) => p.id === f.ref);
    if (f.code === 'rate_limited' && m) {
      const wait = Math.max(1, +f.retryAfterSeconds || 2);
      setStatus(T.tooQuick(wait));
      statusText.dataset.wait = '1';
      setTimeout(() => {
        if (ready && ws && pending.includes(m)) ws.send(JSON.stringify({ v: PROTOCOL.version, type: C.message, id: m.id, text: m.text }));
      }, wait * 1000);
      return;
    }
    if (m) {
      pending = pending.filter((p) => p !== m);
      savePending();
      bubbleState(m, 'failed');
    }
    if (f.code === 'no_handoff') { retire(); retireForm(); } else if (activeForm) activeForm.fieldset.disabled = false;
    setStatus(f.message || T.wrong);
  }

  function open(focus) {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    wrap.classList.add('open');
    store.set('open', true);
    connect();
    scrollDown();
    if (focus) input.focus();
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    wrap.classList.remove('open');
    store.set('open', null);
    launcher.focus();
  }

  // Keeps proxies from cutting an open chat that is quiet (many close idle connections after a minute).
  setInterval(() => {
    if (ready && ws && !panel.hidden) ws.send(JSON.stringify({ v: PROTOCOL.version, type: C.ping }));
  }, 25000);
  addEventListener('online', () => { if (!ws && (timer || !panel.hidden)) reconnectNow(); });

  const boot = () => {
    document.body.append(host);
    for (const m of pending) { Object.assign(m, appendVisitor(m.text)); bubbleState(m, 'queued'); }
    // Reopen after a reload, without taking the focus from the page.
    if (store.get('open')) open(false);
    else if (pending.length) connect();
  };
  window.ClinicFAQ = Object.freeze({ version: '1.0.0', protocol: PROTOCOL, open: () => open(true), close });
  if (document.body) boot();
  else document.addEventListener('DOMContentLoaded', boot);
})();
