export { FirstStartPage } from './first-start-page';
export { NewProfileModal, type NewProfileModalProps } from './new-profile-modal';
export { ProfileForm, type ProfileFormProps } from './profile-form';
export { profileLine } from './profile-line';
