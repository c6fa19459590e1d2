/**
 * How a case goes on for a partner without consent, in the domain's words. A user who may not
 * see the Meldcode sees a Meldcode route as a neutral 'uitzondering': that a track exists is
 * itself Meldcode information.
 */
export const gateRoutes = ['anoniem', 'meldcode', 'partner-verlaat'] as const;
export type GateRoute = (typeof gateRoutes)[number];
export const shownGateRoutes = [...gateRoutes, 'uitzondering'] as const;
export type ShownGateRoute = (typeof shownGateRoutes)[number];

export const gateRouteLabels: Record<ShownGateRoute, string> = {
  anoniem: 'anoniem',
  meldcode: 'onder de Meldcode',
  'partner-verlaat': 'partner verlaat het overleg bij dit punt',
  uitzondering: 'uitzondering vastgelegd',
};
