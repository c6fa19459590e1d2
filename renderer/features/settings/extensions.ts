import type { QueryClient } from '@tanstack/react-query';

/**
 * What the domains built on settings add to its screens, registered at start-up
 * (renderer/app/settings-parts.ts). Settings decides who the users are and who may see what (roles,
 * the Meldcode switch); what a later domain caches because of that, and the staff list a new user
 * is picked from, stay with that domain, so settings imports none of them.
 */
export interface Colleague {
  id: string;
  name: string;
  code: string;
  active: boolean;
}

type Refresh = (queryClient: QueryClient) => Promise<unknown>;
type ColleagueList = () => { data: readonly Colleague[] | undefined; isPending: boolean };

const accessRefreshes: Refresh[] = [];
const userRefreshes: Refresh[] = [];
let colleagueList: ColleagueList = () => ({ data: [], isPending: false });

/** After a change of who may see what: forget what may no longer be shown (the consent domain's Meldcode track). */
export function registerAccessRefresh(refresh: Refresh): void {
  accessRefreshes.push(refresh);
}

export function refreshAccess(queryClient: QueryClient): Promise<unknown> {
  return Promise.all(accessRefreshes.map((refresh) => refresh(queryClient)));
}

/** After a user is added: a new colleague may have joined the staff list. */
export function registerUserAddedRefresh(refresh: Refresh): void {
  userRefreshes.push(refresh);
}

export function refreshAfterUserAdded(queryClient: QueryClient): Promise<unknown> {
  return Promise.all(userRefreshes.map((refresh) => refresh(queryClient)));
}

/** The staff list (people's query) a new user is chosen from; set once at start-up, before anything renders. */
export function registerColleagueList(list: ColleagueList): void {
  colleagueList = list;
}

export function useColleagues(): ReturnType<ColleagueList> {
  return colleagueList();
}
