import { conformanceSuite } from './conformanceSuite';
import { localSubject } from './local/localSubject';

conformanceSuite(localSubject);
