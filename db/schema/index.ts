export * from './meta';
export * from './users';
export * from './settings';
export * from './audit';
export * from './people';
export * from './schedule';
