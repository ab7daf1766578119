import { conformanceSuite } from './conformanceSuite';
import { jiraCloudSubject, jiraDataCenterSubject } from './jira/jiraSubject';

conformanceSuite(jiraDataCenterSubject);
conformanceSuite(jiraCloudSubject);
