import { render } from 'preact';
import '@/src/ui/styles/theme.css';
import '@/src/ui/styles/components.css';
import '@/src/ui/styles/forms.css';
import '@/src/ui/styles/personas.css';
import { App } from '@/src/ui/personas/app';

render(<App />, document.getElementById('app')!);
