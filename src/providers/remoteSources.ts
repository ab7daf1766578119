/**
 * The entry point of `dist/remote.js`: what only remote ticket sources need, the HTTP layer (with
 * axios) and the GitLab, Zendesk, GitHub and Jira sources. The extension `require`s it the first time a remote
 * source is configured or signed in to, so a workspace with only the local queue never loads it.
 */
export { HttpClient } from './http/httpClient';
export { GitlabSource } from './gitlab/gitlabSource';
export { gitlabUserSchema } from './gitlab/gitlabSchemas';
export { ZendeskSource } from './zendesk/zendeskSource';
export { zendeskMeSchema } from './zendesk/zendeskSchemas';
export { GithubSource } from './github/githubSource';
export { graphqlUrl } from './github/githubTransfer';
export { githubHttpClient } from './github/githubHttp';
export { JiraSource } from './jira/jiraSource';
export { jiraNonJson, jiraSiteKind } from './jira/jiraApi';
export { jiraMyselfSchema } from './jira/jiraSchemas';
