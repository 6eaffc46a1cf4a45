export { PlaceholderPage, type PlaceholderSection, type PlaceholderPageProps } from './placeholder-page';
