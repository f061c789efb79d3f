import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, hasLabel, validateLabelName } from '@/lib/retro/labels';

describe('DEFAULT_LABELS', () => {
  it('uses the handbook names and cannot be changed by accident', () => {
    expect(DEFAULT_LABELS).toEqual({ retro: 'retro', retroActions: 'retro-actions', customerRetro: 'customer-retro' });
    expect(Object.isFrozen(DEFAULT_LABELS)).toBe(true);
  });

  it('are all valid', () => {
    for (const name of Object.values(DEFAULT_LABELS)) expect(validateLabelName(name)).toBeNull();
  });
});

describe('validateLabelName', () => {
  it.each([
    ['retro', null],
    ['team::retro', null],
    ['  retro  ', null],
    ['x'.repeat(255), null],
    ['', 'Enter a label name.'],
    ['   ', 'Enter a label name.'],
    ['retro,actions', 'Label names cannot contain commas.'],
    ['x'.repeat(256), 'Label names can be at most 255 characters.'],
  ])('%j → %j', (name, expected) => {
    expect(validateLabelName(name)).toBe(expected);
  });
});

describe('hasLabel', () => {
  const labels = ['Retro', 'customer-retro', 'priority::1'];

  it.each([
    ['retro', true],
    ['RETRO', true],
    [' customer-retro ', true],
    ['priority::1', true],
    ['retro-actions', false],
    ['retr', false],
    ['', false],
  ])('%j → %s', (name, expected) => {
    expect(hasLabel(labels, name)).toBe(expected);
  });

  it('finds nothing in an empty list', () => {
    expect(hasLabel([], 'retro')).toBe(false);
  });
});
