export { DEMO_RISK_LEVELS, demoResidents, type DemoResident } from './demo-residents';
export { prng } from './prng.util';
