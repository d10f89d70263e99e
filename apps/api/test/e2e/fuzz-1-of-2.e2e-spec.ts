import { fuzzSuite } from '../utils/fuzz.suite';

// Half of the registered routes (the other half is fuzz-2-of-2): see fuzzSuite.
fuzzSuite(0, 2);
