import { busContract } from '@raqib/testkit';
import { InProcessBus } from './bus-memory.ts';

busContract('in-process', () => Promise.resolve(new InProcessBus()), { redeliveryAfterMs: 0 });
