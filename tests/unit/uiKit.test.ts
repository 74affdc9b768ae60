// The page's UI kit as the page and its E2E tests see it: roles, test ids and attributes, and only the rows in view.
import { createElement as h, createRef } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FieldError, ModalFooter, TextInput, VirtualListBox } from '../../renderer/ui';
import type { RowScroll } from '../../renderer/ui/useRowScroll';

const html = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);

describe('FieldError', () => {
  it('is a paragraph announced as an alert, or a span in the field’s line', () => {
    expect(html(h(FieldError, { testId: 'env-error', children: 'Name it.' }))).toBe('<p class="field-error" role="alert" data-testid="env-error">Name it.</p>');
    expect(html(h(FieldError, { testId: 'oauth-error', inline: true, children: 'No.' }))).toBe('<span class="field-error" role="alert" data-testid="oauth-error">No.</span>');
  });

  it('is not announced where the field points at it, and keeps its id and extra class', () => {
    const markup = html(h(FieldError, { testId: 'method-error', id: 'e1', className: 'method-error', inline: true, alert: false, children: 'Bad' }));
    expect(markup).toBe('<span id="e1" class="field-error method-error" data-testid="method-error">Bad</span>');
  });
});

describe('ModalFooter', () => {
  it('puts the extras first, then the way out, then the one action, primary and last', () => {
    const markup = html(
      h(ModalFooter, { leave: { label: 'Cancel', testId: 'dialog-cancel', onClick: () => {} }, action: { label: 'Delete', testId: 'dialog-confirm', danger: true, onClick: () => {} } }, h('span', null, 'Copied')),
    );
    expect(markup).toBe(
      '<div class="modal-buttons"><span>Copied</span><button type="button" data-testid="dialog-cancel">Cancel</button>' +
        '<button type="button" class="danger" data-testid="dialog-confirm">Delete</button></div>',
    );
  });

  it('makes a form’s action its submit button, disabled while busy', () => {
    const markup = html(h(ModalFooter, { action: { label: 'Save', testId: 'env-save', submit: true, disabled: true } }));
    expect(markup).toBe('<div class="modal-buttons"><button type="submit" class="primary" data-testid="env-save" disabled="">Save</button></div>');
  });
});

describe('TextInput', () => {
  it('is a text field that is never spell-checked or autofilled, whatever else it is given', () => {
    const props = { 'data-testid': 'url', 'aria-label': 'URL', value: 'https://x', onChange: () => {} }; // a data- name is no TS identifier
    const markup = html(h(TextInput, props));
    expect(markup).toBe('<input type="text" spellCheck="false" autoComplete="off" data-testid="url" aria-label="URL" value="https://x"/>');
    expect(html(h(TextInput, { type: 'password', value: '', onChange: () => {} }))).toContain('type="password"');
  });
});

describe('VirtualListBox', () => {
  const items = Array.from({ length: 10_000 }, (_, index) => `item ${index}`);
  const rows = (start: number, count: number): RowScroll => ({
    scrollHeight: items.length * 30,
    start,
    count,
    blockTop: 0,
    rowTop: (row) => row * 30,
    onScroll: () => {},
    reveal: () => {},
  });
  const box = (window: RowScroll) =>
    html(
      h(
        VirtualListBox<string>,
        {
          id: 'preset-list',
          label: 'Presets',
          testId: 'preset-list',
          className: 'preset-list',
          listRef: createRef<HTMLDivElement>(),
          items,
          rows: window,
          activeId: 'preset-3',
          onKeyDown: () => {},
          option: (item, top) => h('div', { key: item, role: 'option', 'data-top': top }, item),
        },
        h('p', null, 'empty'),
      ),
    );

  it('is a focusable listbox that counts every item and draws only the window, each at its place', () => {
    const markup = box(rows(5000, 3));
    expect(markup).toMatch(/^<div id="preset-list" role="listbox" tabindex="0" aria-label="Presets" aria-activedescendant="preset-3" data-testid="preset-list" data-count="10000" class="preset-list">/);
    expect(markup).toContain('<div style="height:300000px;position:relative">');
    expect(markup.match(/role="option"/g)).toHaveLength(3);
    expect(markup).toContain('<div role="option" data-top="150000">item 5000</div>');
    expect(markup).toContain('item 5002');
    expect(markup).not.toContain('item 5003');
    expect(markup).toMatch(/<p>empty<\/p><\/div>$/);
  });

  it('is a tree when asked, counting what its owner counts (a tree’s requests, not its folders)', () => {
    const markup = html(
      h(VirtualListBox<string>, {
        id: 'preset-list',
        label: 'Presets',
        testId: 'preset-list',
        className: 'preset-list',
        listRef: createRef<HTMLDivElement>(),
        items: ['a', 'b'],
        rows: rows(0, 2),
        activeId: undefined,
        onKeyDown: () => {},
        role: 'tree',
        count: 1,
        option: (item, top) => h('div', { key: item, role: 'treeitem', 'data-top': top }, item),
      }),
    );
    expect(markup).toMatch(/^<div id="preset-list" role="tree" tabindex="0" aria-label="Presets" data-testid="preset-list" data-count="1" class="preset-list">/);
    expect(markup.match(/role="treeitem"/g)).toHaveLength(2);
  });

  it('places rows from the block’s top when the virtualizer scales the scrollbar', () => {
    const scaled: RowScroll = { ...rows(9000, 2), blockTop: 14_000_000, rowTop: (row, first) => (row - first) * 30 };
    const markup = box(scaled);
    expect(markup).toContain('data-top="14000000">item 9000<');
    expect(markup).toContain('data-top="14000030">item 9001<');
  });
});
