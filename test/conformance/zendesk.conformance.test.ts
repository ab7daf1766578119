import { conformanceSuite } from './conformanceSuite';
import { zendeskSubject } from './zendesk/zendeskSubject';

conformanceSuite(zendeskSubject);
