import { describe, expect, it } from 'vitest';
import { firstReason, registry } from '../../electron/shared/registry';

describe('a registry of later domains', () => {
  it('keeps the order the domains first registered, and replaces an entry registered again', () => {
    const reasons = registry<string>();
    reasons.register('intake', 'er is een aanmelding voor');
    reasons.register('agenda', 'er is een agenda voor gemaakt');
    reasons.register('intake', 'er zijn aanmeldingen voor');
    expect(reasons.entries()).toEqual(['er zijn aanmeldingen voor', 'er is een agenda voor gemaakt']);
  });

  it('answers the first reason any entry gives, and null when none does', () => {
    const asked: string[] = [];
    const ask = (answer: string | null) => (name: string) => (asked.push(name), answer);
    const entries = [
      { name: 'a', why: ask(null) },
      { name: 'b', why: ask('b zegt nee') },
      { name: 'c', why: ask('c zegt nee') },
    ];
    expect(firstReason(entries, (e) => e.why(e.name))).toBe('b zegt nee');
    expect(asked).toEqual(['a', 'b']);
    expect(firstReason(entries.slice(0, 1), (e) => e.why(e.name))).toBeNull();
    expect(firstReason([], () => 'nooit')).toBeNull();
  });
});
