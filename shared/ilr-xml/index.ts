export * from './checker';
export * from './model';
export * from './names';
export * from './rules';
