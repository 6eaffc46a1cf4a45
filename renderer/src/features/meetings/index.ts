export { MeetingsPage } from './meetings-page';
export { meetingOfficialName } from './labels';
