import { describe, expect, it } from 'vitest';
import { withOnlyPartnerSeries } from '../../electron/features/consent/partner-offer';

describe("where a case may go out of school, for the consent form's offer", () => {
  const intake = { meetingId: 'iot-12-nov', seriesId: 'iot' };
  it("adds the school's only series with partners after the case's own steps", () => {
    expect(withOnlyPartnerSeries([intake], ['flexzat'])).toEqual([intake, { meetingId: null, seriesId: 'flexzat' }]);
  });
  it('adds nothing with several such series (which one is not ours to guess), or for a student without a case', () => {
    expect(withOnlyPartnerSeries([intake], ['flexzat', 'zat'])).toEqual([intake]);
    expect(withOnlyPartnerSeries([], ['flexzat'])).toEqual([]);
  });
});
