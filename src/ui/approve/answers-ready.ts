// Whether the window's answers count yet, for the buttons to show it.
import { createContext } from 'preact';

export const AnswersReady = createContext(true);
