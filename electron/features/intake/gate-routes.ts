/**
 * How a case goes on for a partner without consent, in the domain's words. A user who may not
 * see the Meldcode sees every recorded route as the same neutral 'uitzondering': were only a
 * Meldcode route shown that way, the label itself would say a track exists, which is Meldcode
 * information. The label is decided here, for every screen and document that shows a route.
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

/** The route as this reader may see it: itself for whoever may see the Meldcode, else 'uitzondering', whatever it is. */
export function shownRoute(route: GateRoute | null, meldcodeVisible: boolean): ShownGateRoute | null {
  if (route === null) return null;
  return meldcodeVisible ? route : 'uitzondering';
}
