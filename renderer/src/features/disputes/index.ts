export { DisputesPage } from './disputes-page';
