// The page's small UI kit: the pieces many components draw alike (a field's error, a dialog's buttons, a text
// input, a windowed listbox and its keys) and the virtualizer under the lists and the body views. It imports React
// and shared/ only: never the IPC client (renderer/api.ts) or a component, so whatever it draws comes in by props.
import './kit.css';

export { FieldError } from './FieldError';
export { ModalFooter } from './ModalFooter';
export { TextInput } from './TextInput';
export { useListNavigation } from './useListNavigation';
export { VirtualListBox } from './VirtualListBox';
