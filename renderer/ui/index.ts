// The page's small UI kit: the pieces many components draw alike (a dialog and its buttons, a confirmation, a field's
// error, a text input, a windowed listbox and its keys), the virtualizer under the lists and the body views, and the
// formats and clipboard they share. It imports React
// and shared/ only: never the IPC client (renderer/api.ts) or a component, so whatever it draws comes in by props.
import './kit.css';

export { ConfirmDialog } from './ConfirmDialog';
export { FieldError } from './FieldError';
export { Modal } from './Modal';
export { ModalFooter } from './ModalFooter';
export { NameField } from './NameField';
export { TextInput } from './TextInput';
export { useListNavigation } from './useListNavigation';
export { VirtualListBox } from './VirtualListBox';
