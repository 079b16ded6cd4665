import type { TrainEvent } from '@fmnist/train';
import cliProgress from 'cli-progress';
import pc from 'picocolors';
import { formatProgressLine, type ProgressLine } from './format-progress-line.js';

/** Options of {@link createTrainProgress}. */
export interface TrainProgressOptions {
  /** Where progress goes; stderr, so that stdout stays for results. */
  stream: NodeJS.WriteStream;
  /** Redraw one live line per epoch (on a terminal); else print one line when each epoch ends. */
  live: boolean;
  /** Notes of these kinds are not printed (the caller said the same already), e.g. `resumed`. */
  quietNotes?: readonly string[];
}

/** Turns the training loop's events into Keras-style progress lines. */
export interface TrainProgress {
  onEvent(event: TrainEvent): void;
  /** End a live line that is still drawing (on interrupt or failure). */
  stop(): void;
}

/**
 * Keras-style progress: `Epoch 3/100  300/300 ━━━━ 4s 13ms/step - loss: … - accuracy: …`, redrawn
 * live with cli-progress on a terminal, or one line per finished epoch when output is a file or pipe.
 */
export function createTrainProgress(options: TrainProgressOptions): TrainProgress {
  const { stream, live } = options;
  let line: ProgressLine | undefined;
  let bar: cliProgress.SingleBar | undefined;
  const pending: string[] = [];
  const dimRemaining = pc.isColorSupported ? (text: string) => pc.dim(text) : undefined;
  const render = () => (line ? formatProgressLine(line, { dimRemaining }) : '');
  // Notes that come mid-epoch (an early stop, an interrupt) wait for the epoch's line.
  let inEpoch = false;
  const print = (text: string) => {
    if (inEpoch) pending.push(text);
    else stream.write(`${text}\n`);
  };
  const finishLine = () => {
    if (bar) {
      bar.stop();
      bar = undefined;
    }
    inEpoch = false;
    for (const text of pending.splice(0)) stream.write(`${text}\n`);
  };
  return {
    onEvent(event) {
      if (event.type === 'start') return;
      if (event.type === 'note') {
        if (event.kind === undefined || !options.quietNotes?.includes(event.kind)) {
          print(pc.yellow(event.message));
        }
        return;
      }
      if (event.type === 'batch') {
        inEpoch = true;
        line = {
          epoch: event.epoch,
          epochs: event.epochs,
          step: event.batch,
          steps: event.batches,
          seconds: event.seconds,
          loss: event.loss,
          accuracy: event.accuracy,
        };
        if (!live) return;
        if (!bar) {
          bar = new cliProgress.SingleBar({
            stream,
            format: render,
            hideCursor: true,
            linewrap: false,
            clearOnComplete: false,
            stopOnComplete: false,
          });
          bar.start(event.batches, event.batch);
        } else {
          bar.update(event.batch);
        }
        return;
      }
      const steps = line?.epoch === event.epoch ? line.steps : 0;
      line = {
        epoch: event.epoch,
        epochs: event.epochs,
        step: steps,
        steps,
        seconds: event.seconds,
        loss: event.loss,
        accuracy: event.accuracy,
        valLoss: event.valLoss,
        valAccuracy: event.valAccuracy,
      };
      if (bar) {
        bar.update(steps);
      } else {
        stream.write(`${render()}\n`);
      }
      finishLine();
    },
    stop: finishLine,
  };
}
