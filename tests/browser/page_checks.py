"""Measurements on the page in the browser, for the accessibility and layout
tests. Each returns a list of problems in words (empty when all is well),
so one walk can collect every problem on every page and report them all.
"""

# WCAG 2.5.5 (DESIGN.md §4): 44 by 44 CSS px; the kiosk asks 48 (§1).
TARGET_SIZE = 44
KIOSK_TARGET_SIZE = 48

_DESCRIBE = """
const describe = el => {
  let name = el.tagName.toLowerCase();
  if (el.id) name += '#' + el.id;
  if (el.classList.length) name += '.' + [...el.classList].join('.');
  const text = (el.innerText || el.value || '').replace(/\\s+/g, ' ').trim().slice(0, 40);
  return text ? `${name} "${text}"` : name;
};
const shown = el => el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})
  && el.getClientRects().length > 0;
"""

_TOUCH_TARGETS = _DESCRIBE + """
(minimum) => {
  const problems = [];
  const size = r => `${Math.round(r.width)}x${Math.round(r.height)}`;
  const big = r => r.width + 0.5 >= minimum && r.height + 0.5 >= minimum;
  const flat = s => s.replace(/\\s+/g, ' ').trim();
  // WCAG 2.5.8's inline exception: a link in a sentence of running text.
  const inRunningText = a => {
    const block = a.closest('p, li');
    return block !== null && flat(block.textContent) !== flat(a.textContent);
  };
  for (const input of document.querySelectorAll(
      'header input[type=radio], header input[type=checkbox], main input[type=radio], main input[type=checkbox]')) {
    if (!shown(input)) continue;
    const label = input.id ? document.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null;
    if (label === null) { problems.push(`${describe(input)} has no label to tap`); continue; }
    const boxes = [label, input.closest('.choice')].filter(Boolean).map(e => e.getBoundingClientRect());
    if (!boxes.some(big)) {
      problems.push(`${describe(label)} is ${boxes.map(size).join(' / ')}`);
    }
  }
  for (const el of document.querySelectorAll(
      'header a, header button, main a, main button, .back-link')) {
    if (!shown(el) || (el.tagName === 'A' && inRunningText(el))) continue;
    const box = el.getBoundingClientRect();
    if (!big(box)) problems.push(`${describe(el)} is ${size(box)}`);
  }
  return problems;
}
"""

_REFLOW = _DESCRIBE + """
() => {
  const problems = [];
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth > width) {
    problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${width}`);
  }
  // Content inside a box that clips or scrolls is judged by that box.
  const insideClippingBox = el => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    }
    return false;
  };
  const cutOff = [];
  for (const el of document.body.querySelectorAll('*')) {
    // The skip link waits off-screen until it has the focus.
    if (el.matches('.skip-link:not(:focus), script, noscript') || !shown(el)) continue;
    if (insideClippingBox(el) || cutOff.some(outer => outer.contains(el))) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.left < -1 || box.right > width + 1) {
      cutOff.push(el);  // its contents are not named again
      problems.push(`${describe(el)} is cut off: ${Math.round(box.left)}..${Math.round(box.right)} of 0..${width}`);
    }
  }
  for (const el of document.body.querySelectorAll(
      'p, li, label, legend, h1, h2, th, td, dt, dd, button, a')) {
    if (!shown(el) || el.closest('.skip-link, .visually-hidden')) continue;
    if (getComputedStyle(el).display === 'inline') continue;  // no box of its own
    if (el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${describe(el)} overflows its box: ${el.scrollWidth} > ${el.clientWidth}`);
    }
  }
  return problems;
}
"""

_FOCUS_STYLE = _DESCRIBE + """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== 'none';
  return {name: describe(el), visible: outline || shadow,
          key: el.id || el.name + '=' + (el.value || '') + '|' + describe(el)};
}
"""


def touch_targets(page, minimum=TARGET_SIZE):
    """Buttons, links and radio/checkbox labels in the header and main are
    at least `minimum` CSS px high and wide (links in running text exempt)."""
    return [f"target too small: {p}" for p in page.evaluate(_TOUCH_TARGETS, minimum)]


def reflow(page):
    """No sideways scrolling, nothing past the viewport's edge, no text
    sticking out of its box (WCAG 1.4.10)."""
    return page.evaluate(_REFLOW)


def error_summary_has_focus(page):
    """After a submit with an error the error summary has the focus (§4)."""
    focused = page.evaluate(_DESCRIBE + """
        () => { const el = document.activeElement;
                return el && el.matches('.error-summary') ? null : describe(el || document.body); }""")
    return [] if focused is None else [
        f"after an error the focus is on {focused}, not on the error summary"]


def focus_styles(page, max_tabs=60):
    """Tab through the whole page; every element that gets the focus shows
    it (an outline or a box shadow). Returns problems; needs at least one
    focusable element."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); "
                  "window.scrollTo(0, 0); }")
    problems, seen = [], []
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUS_STYLE)
        if focused is None or (seen and focused["key"] == seen[0]):
            break  # out of the page, or round to the first again
        if seen and focused["key"] == seen[-1]:
            continue  # the next stop inside the same element (an audio player's controls)
        if focused["key"] in seen:
            break
        seen.append(focused["key"])
        if not focused["visible"]:
            problems.append(f"no visible focus on {focused['name']}")
    if len(seen) < 3:
        problems.append(f"Tab reached only {len(seen)} elements")
    return problems
