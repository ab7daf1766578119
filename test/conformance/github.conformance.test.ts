import { conformanceSuite } from './conformanceSuite';
import { githubSubject } from './github/githubSubject';

conformanceSuite(githubSubject);
