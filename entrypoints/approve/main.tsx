import { render } from 'preact';
import '@/src/ui/styles/theme.css';
import '@/src/ui/styles/components.css';
import '@/src/ui/styles/forms.css';
import '@/src/ui/styles/approve.css';
import { App } from '@/src/ui/approve/app';

render(<App />, document.getElementById('app')!);
