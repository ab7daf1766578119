import { conformanceSuite } from './conformanceSuite';
import { gitlabSubject } from './gitlab/gitlabSubject';

conformanceSuite(gitlabSubject);
