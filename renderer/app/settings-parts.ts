import { refreshMeldcodeAccess } from '../features/consent/queries';
import { peopleKey, useStaff } from '../features/people/queries';
import { registerAccessRefresh, registerColleagueList, registerUserAddedRefresh } from '../features/settings/extensions';

/** The settings screens' parts from the domains built on settings. */
export function registerSettingsParts(): void {
  registerAccessRefresh(refreshMeldcodeAccess);
  registerUserAddedRefresh((queryClient) => queryClient.invalidateQueries({ queryKey: peopleKey }));
  registerColleagueList(useStaff);
}
