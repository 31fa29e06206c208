// Caseworker console: plain ES module, no build step. The token lives in sessionStorage only; URLs carry case
// ids only (#/cases/<caseId>), never names or phone numbers. All text goes through textContent (no innerHTML).

const API = globalThis.WFC_CONFIG?.apiBaseUrl ?? '';
const TOKEN_KEY = 'wfc.token';
const PAGE_SIZE = 200;
const AUTO_LOAD_MAX = 1000;

const URGENCY = { EMERGENCY: '긴급', HIGH: '높음', MEDIUM: '보통', LOW: '낮음' };
const RESULT = {
  CONSULTED: '상담 완료',
  UNREACHABLE: '연락 안 됨',
  REFUSED: '상담 거부',
  WRONG_NUMBER: '잘못된 번호',
  OPTED_OUT: '수신 거부',
};
const REVIEW = { NEW: '신규', ASSIGNED: '배정됨', IN_PROGRESS: '처리 중', CLOSED: '종결' };
const NEXT_REVIEW = { NEW: 'ASSIGNED', ASSIGNED: 'IN_PROGRESS', IN_PROGRESS: 'CLOSED' };
const CRISIS = {
  INCOME: '소득',
  FOOD: '식품',
  HOUSING: '주거',
  UTILITIES: '공과금',
  HEALTH: '건강',
  MENTAL_HEALTH: '정신건강',
  EMPLOYMENT: '고용',
  DEBT: '부채',
  CARE: '돌봄',
  ISOLATION: '고립',
};
const FOLLOW_UP = {
  IMMEDIATE_VISIT: '즉시 방문',
  HOME_VISIT: '가정 방문',
  PHONE_FOLLOWUP: '전화 후속',
  NONE: '없음',
};
const ATTEMPT = {
  ANSWERED: '응답',
  NO_ANSWER: '받지 않음',
  BUSY: '통화 중',
  VOICEMAIL: '음성사서함',
  FAILED: '연결 실패',
};
const OUTCOME = {
  COMPLETED: '상담 완료',
  PARTIAL: '중간 종료',
  REFUSED: '상담 거부',
  WRONG_NUMBER: '잘못된 번호',
  CALLBACK_REQUESTED: '다시 전화 요청',
};

const $ = (id) => document.getElementById(id);
const timeFormat = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  dateStyle: 'short',
  timeStyle: 'short',
});
/** `+821012345678` → `010-1234-5678`, `+8221234567` → `02-123-4567`; other numbers unchanged. */
function fmtPhone(e164) {
  if (!e164?.startsWith('+82')) return e164 ?? '—';
  const national = `0${e164.slice(3)}`;
  const area = national.startsWith('02') ? 2 : 3;
  const rest = national.slice(area);
  const split = rest.length - 4;
  return `${national.slice(0, area)}-${rest.slice(0, split)}-${rest.slice(split)}`;
}
const fmtTime = (iso) => (iso ? timeFormat.format(new Date(iso)) : '—');

/** Creates an element with attributes/properties and children (strings become text nodes). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const state = { token: null, claims: null, items: [], cursor: null, current: null, loading: false };

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function api(path, options = {}) {
  const response = await fetch(`${API}${path}`, {
    ...options,
    headers: {
      Authorization: `Bearer ${state.token}`,
      ...(options.body ? { 'Content-Type': 'application/json' } : {}),
    },
    cache: 'no-store',
  });
  const body = await response.json().catch(() => ({}));
  if (response.status === 401) {
    logout('접속 토큰이 만료되었거나 올바르지 않습니다. 다시 로그인하세요.');
    throw new ApiError(401, 'UNAUTHORIZED', '로그인이 필요합니다');
  }
  if (!response.ok) {
    throw new ApiError(response.status, body?.error?.code ?? 'ERROR', body?.error?.message ?? '요청 실패');
  }
  return body;
}

function errorText(error) {
  if (!(error instanceof ApiError)) return '서버에 연결할 수 없습니다.';
  switch (error.code) {
    case 'CLAIMED_BY_OTHER':
      return '다른 담당자가 이미 맡은 가구입니다.';
    case 'INVALID_TRANSITION':
      return '이 단계로는 바꿀 수 없습니다. 새로고침 후 다시 시도하세요.';
    case 'CONCURRENT_UPDATE':
      return '그 사이 다른 사람이 수정했습니다. 다시 불러온 뒤 시도하세요.';
    case 'NOT_FOUND':
      return '해당 가구를 찾을 수 없습니다.';
    default:
      return `요청을 처리하지 못했습니다 (${error.status}).`;
  }
}

// ── login ──────────────────────────────────────────────────────────────────────────────────────────────
function decodeClaims(token) {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

function login(token) {
  const claims = decodeClaims(token);
  if (!claims?.['custom:district']) {
    $('login-error').textContent = '토큰 형식이 올바르지 않습니다.';
    return false;
  }
  state.token = token;
  state.claims = claims;
  sessionStorage.setItem(TOKEN_KEY, token);
  const groups = [].concat(claims['cognito:groups'] ?? []);
  const role = groups.includes('supervisor') ? '팀장' : '상담원';
  $('whoami-text').textContent =
    `${claims['cognito:username'] ?? claims.sub} · ${role} · 시군구 ${claims['custom:district']}`;
  $('whoami').hidden = false;
  $('login-view').hidden = true;
  $('app-view').hidden = false;
  $('login-error').textContent = '';
  return true;
}

function logout(message = '') {
  sessionStorage.removeItem(TOKEN_KEY);
  state.token = null;
  state.claims = null;
  state.items = [];
  state.current = null;
  $('queue-rows').replaceChildren();
  $('detail-view').hidden = true;
  $('app-view').hidden = true;
  $('whoami').hidden = true;
  $('login-view').hidden = false;
  $('login-error').textContent = message;
  if (location.hash) history.replaceState(null, '', location.pathname);
  $('token-input').focus();
}

// ── queue ──────────────────────────────────────────────────────────────────────────────────────────────
function filterQuery() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData($('filters'))) if (value) params.set(key, String(value));
  return params;
}

async function loadQueue({ append = false } = {}) {
  if (state.loading) return;
  state.loading = true;
  $('queue-error').textContent = '';
  $('queue-view').setAttribute('aria-busy', 'true');
  try {
    if (!append) {
      state.items = [];
      state.cursor = null;
    }
    const limit = append ? state.items.length + PAGE_SIZE : AUTO_LOAD_MAX;
    do {
      const params = filterQuery();
      params.set('limit', String(PAGE_SIZE));
      if (state.cursor) params.set('cursor', state.cursor);
      const page = await api(`/cases?${params}`);
      state.items.push(...page.items);
      state.cursor = page.cursor;
    } while (state.cursor && state.items.length < limit);
    renderQueue();
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) $('queue-error').textContent = errorText(error);
  } finally {
    state.loading = false;
    $('queue-view').removeAttribute('aria-busy');
  }
}

function urgencyBadge(urgency) {
  return el('span', { class: `badge urgency-${urgency}` }, URGENCY[urgency] ?? urgency);
}

function renderCounts() {
  const counts = { EMERGENCY: 0, HIGH: 0, MEDIUM: 0, LOW: 0 };
  let visits = 0;
  for (const item of state.items) {
    counts[item.urgency] = (counts[item.urgency] ?? 0) + 1;
    if (item.result === 'UNREACHABLE') visits += 1;
  }
  const total = `${state.items.length}${state.cursor ? '+' : ''}`;
  $('counts').replaceChildren(
    el('span', { class: 'count' }, `전체 ${total}건`),
    ...Object.entries(counts).map(([key, n]) =>
      el('span', { class: `count count-${key}` }, `${URGENCY[key]} ${n}`),
    ),
    el('span', { class: 'count count-visit' }, `방문 필요 ${visits}`),
  );
}

function openFromRow(event) {
  const row = event.currentTarget;
  if (event.type === 'keydown' && event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault();
  location.hash = `#/cases/${encodeURIComponent(row.dataset.caseId)}`;
}

function renderQueue() {
  renderCounts();
  const rows = state.items.map((item) =>
    el(
      'tr',
      {
        tabindex: '0',
        class: `row urgency-row-${item.urgency}${item.caseId === state.current?.caseId ? ' selected' : ''}`,
        'aria-selected': item.caseId === state.current?.caseId ? 'true' : 'false',
        dataset: { caseId: item.caseId },
        onclick: openFromRow,
        onkeydown: openFromRow,
      },
      el('td', {}, urgencyBadge(item.urgency)),
      el('td', { class: 'name' }, item.name),
      el('td', { class: 'phone' }, item.phone),
      el(
        'td',
        {},
        RESULT[item.result] ?? item.result ?? '—',
        item.result === 'UNREACHABLE' ? el('span', { class: 'badge visit' }, '방문 필요') : null,
      ),
      el('td', {}, el('span', { class: `review review-${item.review}` }, REVIEW[item.review] ?? '—')),
      el('td', {}, (item.crisisTypes ?? []).map((type) => CRISIS[type] ?? type).join(', ') || '—'),
      el('td', {}, FOLLOW_UP[item.followUp] ?? '—'),
      el('td', { class: 'time' }, fmtTime(item.doneAt ?? item.updatedAt)),
    ),
  );
  $('queue-rows').replaceChildren(...rows);
  $('queue-empty').hidden = state.items.length > 0;
  $('load-more').hidden = !state.cursor;
}

// ── detail ─────────────────────────────────────────────────────────────────────────────────────────────
function section(title, ...children) {
  return el('section', { class: 'block' }, el('h3', {}, title), ...children);
}

function focusTurn(index) {
  const turn = document.getElementById(`turn-${index}`);
  if (!turn) return;
  turn.classList.add('highlight');
  turn.scrollIntoView({ block: 'center' });
  turn.focus();
  setTimeout(() => turn.classList.remove('highlight'), 2500);
}

function turnLink(index) {
  return el(
    'button',
    {
      type: 'button',
      class: 'link',
      onclick: () => focusTurn(index),
      'aria-label': `통화 기록 ${index}번 발화로 이동`,
    },
    `발화 #${index}`,
  );
}

function renderActions(c) {
  const mine = c.assignee && c.assignee === state.claims?.sub;
  const next = NEXT_REVIEW[c.review];
  const actions = el('div', { class: 'actions' });
  if (!c.assignee && c.review !== 'CLOSED' && c.progress === 'DONE') {
    actions.append(el('button', { type: 'button', id: 'claim', onclick: () => claim(c.caseId) }, '담당하기'));
  }
  if (next && c.progress === 'DONE' && (c.assignee || next === 'ASSIGNED')) {
    actions.append(
      el(
        'button',
        { type: 'button', id: 'advance', class: 'secondary', onclick: () => advance(c.caseId, next) },
        `다음 단계: ${REVIEW[next]}(으)로`,
      ),
    );
  }
  const note = el('textarea', { id: 'note-text', rows: '3', maxlength: '2000' });
  const form = el(
    'form',
    {
      class: 'note-form',
      onsubmit: (event) => {
        event.preventDefault();
        addNote(c.caseId, note.value);
      },
    },
    el('label', { for: 'note-text' }, '메모 추가'),
    note,
    el('button', { type: 'submit', class: 'secondary' }, '메모 저장'),
  );
  return el(
    'div',
    {},
    el(
      'p',
      { class: 'assignee' },
      c.assignee ? `담당: ${mine ? '나' : c.assignee}` : '담당자 없음',
      ` · 검토 단계: ${REVIEW[c.review] ?? '—'}`,
    ),
    actions,
    c.progress === 'DONE' ? form : null,
  );
}

function renderDetail(c) {
  const s = c.summary;
  const turns = c.transcript?.turns ?? [];
  $('detail-title').textContent = `${c.name} 가구`;
  const facts = el(
    'dl',
    { class: 'facts' },
    el('dt', {}, '긴급도'),
    el('dd', {}, c.urgency ? urgencyBadge(c.urgency) : '—'),
    el('dt', {}, '통화 결과'),
    el(
      'dd',
      {},
      RESULT[c.result] ?? c.progress,
      c.result === 'UNREACHABLE' ? el('span', { class: 'badge visit' }, '방문 필요') : null,
    ),
    el('dt', {}, '연락처'),
    el('dd', {}, fmtPhone(c.phone)),
    el('dt', {}, '가구번호'),
    el('dd', {}, c.householdId),
    el('dt', {}, '읍면동'),
    el('dd', {}, c.dong ?? '—'),
    el('dt', {}, '위기 정보'),
    el('dd', {}, (c.riskFlags ?? []).join(', ') || '—'),
    el('dt', {}, '후속 조치'),
    el('dd', {}, FOLLOW_UP[c.followUp] ?? '—'),
  );
  const parts = [facts, renderActions(c)];
  if (c.result === 'UNREACHABLE') {
    parts.push(
      el(
        'p',
        { class: 'notice visit-notice' },
        '여러 차례 전화가 연결되지 않았습니다. 가정 방문으로 안부를 확인해 주세요.',
      ),
    );
  }
  if (s) {
    parts.push(
      section(
        '상담 요약',
        el(
          'p',
          { class: 'meta' },
          `${OUTCOME[s.outcome] ?? s.outcome} · 위기 유형: ${s.crisisTypes.map((t) => CRISIS[t] ?? t).join(', ') || '없음'}`,
        ),
        s.riskFlags?.selfHarm
          ? el('p', { class: 'notice danger' }, '자해·자살 위험 신호가 있습니다. 즉시 확인하세요.')
          : null,
        s.needsReview
          ? el('p', { class: 'notice' }, '자동 요약이 불확실합니다. 통화 기록을 직접 확인하세요.')
          : null,
        el('p', { class: 'narrative' }, s.narrative),
      ),
      section(
        '필요 사항',
        s.needs.length
          ? el(
              'ul',
              {},
              s.needs.map((need) => el('li', {}, need)),
            )
          : el('p', {}, '없음'),
      ),
    );
    if (s.suggestedPrograms?.length) {
      parts.push(
        section(
          '추천 복지 서비스',
          el(
            'ul',
            {},
            s.suggestedPrograms.map((p) =>
              el('li', {}, el('strong', {}, p.program), ` — ${p.reason} `, turnLink(p.turn)),
            ),
          ),
        ),
      );
    }
    parts.push(
      section(
        '근거 발화',
        s.evidence.length
          ? el(
              'ul',
              { class: 'evidence' },
              s.evidence.map((e) => el('li', {}, `${e.claim} `, turnLink(e.turn))),
            )
          : el('p', {}, '없음'),
      ),
    );
  }
  parts.push(
    section(
      '통화 시도',
      el(
        'ol',
        { class: 'timeline' },
        (c.attempts ?? []).map((a) =>
          el(
            'li',
            { class: `attempt attempt-${a.outcome}` },
            el('time', { datetime: a.at }, fmtTime(a.at)),
            ` ${ATTEMPT[a.outcome] ?? a.outcome}`,
            a.durationSec ? ` · ${Math.round(a.durationSec)}초` : '',
          ),
        ),
      ),
    ),
  );
  if (turns.length) {
    parts.push(
      section(
        '통화 기록',
        el(
          'ol',
          { class: 'transcript', start: '0' },
          turns.map((turn, index) =>
            el(
              'li',
              { id: `turn-${index}`, tabindex: '-1', class: `turn turn-${turn.speaker}` },
              el('span', { class: 'speaker' }, `#${index} ${turn.speaker === 'bot' ? '상담봇' : '주민'}`),
              el('span', { class: 'text' }, turn.text),
            ),
          ),
        ),
      ),
    );
  }
  parts.push(
    section(
      '메모',
      (c.notes ?? []).length
        ? el(
            'ul',
            { class: 'notes' },
            c.notes.map((n) =>
              el('li', {}, el('span', { class: 'meta' }, `${fmtTime(n.at)} ${n.by}`), ` ${n.text}`),
            ),
          )
        : el('p', {}, '아직 메모가 없습니다.'),
    ),
  );
  $('detail-body').replaceChildren(...parts);
}

async function openCase(caseId, { focus = true } = {}) {
  $('detail-view').hidden = false;
  $('detail-status').textContent = '불러오는 중…';
  try {
    const c = await api(`/cases/${encodeURIComponent(caseId)}`);
    state.current = c;
    renderDetail(c);
    $('detail-status').textContent = '';
    for (const row of $('queue-rows').children) {
      const selected = row.dataset.caseId === caseId;
      row.classList.toggle('selected', selected);
      row.setAttribute('aria-selected', String(selected));
    }
    if (focus) $('detail-title').focus();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    $('detail-title').textContent = '가구 상세';
    $('detail-body').replaceChildren();
    $('detail-status').textContent = errorText(error);
  }
}

function updateQueueItem(view) {
  const item = state.items.find((i) => i.caseId === view.caseId);
  if (item) {
    item.review = view.review;
    item.assignee = view.assignee;
    renderQueue();
  }
}

async function mutate(caseId, request, done) {
  try {
    const view = await request();
    updateQueueItem(view);
    await openCase(caseId, { focus: false });
    $('detail-status').textContent = done;
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401))
      $('detail-status').textContent = errorText(error);
  }
}

function claim(caseId) {
  return mutate(
    caseId,
    () => api(`/cases/${encodeURIComponent(caseId)}/claim`, { method: 'POST' }),
    '담당자로 지정되었습니다.',
  );
}

function advance(caseId, review) {
  return mutate(
    caseId,
    () => api(`/cases/${encodeURIComponent(caseId)}`, { method: 'PATCH', body: JSON.stringify({ review }) }),
    `검토 단계를 '${REVIEW[review]}'(으)로 바꿨습니다.`,
  );
}

function addNote(caseId, text) {
  if (!text.trim()) {
    $('detail-status').textContent = '메모 내용을 입력하세요.';
    return;
  }
  return mutate(
    caseId,
    () =>
      api(`/cases/${encodeURIComponent(caseId)}`, { method: 'PATCH', body: JSON.stringify({ note: text }) }),
    '메모를 저장했습니다.',
  );
}

function closeDetail() {
  const caseId = state.current?.caseId;
  state.current = null;
  $('detail-view').hidden = true;
  if (location.hash) history.pushState(null, '', location.pathname);
  renderQueue();
  const rows = [...$('queue-rows').children];
  (rows.find((r) => r.dataset.caseId === caseId) ?? rows[0])?.focus();
}

function route() {
  const match = /^#\/cases\/([^/]+)$/.exec(location.hash);
  if (match && state.token) openCase(decodeURIComponent(match[1]));
}

// ── wiring ─────────────────────────────────────────────────────────────────────────────────────────────
$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = $('token-input').value.trim();
  $('token-input').value = '';
  if (login(token)) {
    loadQueue().then(() => {
      $('queue-rows').firstElementChild?.focus();
      route();
    });
  }
});
$('logout').addEventListener('click', () => logout());
$('refresh').addEventListener('click', () => loadQueue());
$('load-more').addEventListener('click', () => loadQueue({ append: true }));
$('filters').addEventListener('change', () => loadQueue());
$('close-detail').addEventListener('click', closeDetail);
$('detail-view').addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeDetail();
});
window.addEventListener('hashchange', route);

const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved && login(saved)) loadQueue().then(route);
else $('token-input').focus();
