// The window's layout: the sidebar (saved requests, history), the tabs, the composer and the panes, and the one
// dialog open. State lives in stores and changes through actions (see the code map, docs/architecture.md); nothing is wired here.
import { useEffect } from 'react';
import { SidebarTabs } from './shell/SidebarTabs';
import { DialogHost } from './dialogs/DialogHost';
import { libraryStore } from './presets/library';
import { PresetLibrary } from './presets/PresetLibrary';
import { followResponses } from './request/sendActions';
import { commands } from './shell/commands';
import { Composer } from './shell/Composer';
import { Panes } from './shell/Panes';
import { startApp } from './shell/startupActions';
import { useStore } from './state/useStore';
import { useCommands } from './shell/useCommands';
import { TabStrip } from './workspace/TabStrip';

export function App() {
  useEffect(() => {
    const stops = [startApp(), followResponses()];
    return () => stops.forEach((stop) => stop());
  }, []);
  const restored = useStore(libraryStore, (library) => library.restored);
  // None until the open tabs are back: a command would act on a stand-in the tabs then replace.
  useCommands(restored ? commands : null);

  // Until the open tabs are back there is nothing to type into: what was typed into a stand-in would be replaced.
  if (!restored) {
    return (
      <div className="shell restoring" role="status" aria-busy="true" data-testid="restoring">
        Opening your tabs…
      </div>
    );
  }
  return (
    <div className="shell">
      <SidebarTabs presets={<PresetLibrary />} />
      <main className="app">
        <TabStrip />
        <Composer />
        <Panes />
      </main>
      <DialogHost />
    </div>
  );
}
