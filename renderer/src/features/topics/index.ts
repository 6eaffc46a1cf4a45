export { TopicsPage } from './topics-page';
