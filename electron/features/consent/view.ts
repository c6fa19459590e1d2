import type { PartnerConsent } from './rules';

/** The contract's view of one partner's check: names, not ids, of who is still missing. */
export function partnerConsentView(check: PartnerConsent) {
  return {
    partnerId: check.partnerId,
    partnerName: check.partnerName,
    status: check.status,
    required: check.required.map((r) => ({ name: r.name })),
    missing: check.missing.map((m) => ({ name: m.signer.name, reason: m.reason })),
    problem: check.problem,
  };
}
