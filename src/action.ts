/** The GitHub Action's entry (action.yml `runs.main`, bundled into dist/action.js). */
import process from 'node:process';
import { runAction } from './action-run.ts';

process.exitCode = await runAction();
