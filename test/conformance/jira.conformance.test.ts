import { conformanceSuite } from './conformanceSuite';
import { jiraDataCenterSubject } from './jira/jiraSubject';

conformanceSuite(jiraDataCenterSubject);
