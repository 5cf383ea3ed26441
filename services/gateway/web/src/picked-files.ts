/**
 * The image files the person picked, took with the camera or dropped, listed with a button each
 * to take one out again.
 */
import { formatBytes } from './format.js';

export interface PickedFiles {
  files(): File[];
  clear(): void;
}

/** Wires the file inputs and the drop zone to the list `list`. */
export function pickedFiles(
  inputs: HTMLInputElement[],
  zone: HTMLElement,
  list: HTMLUListElement,
): PickedFiles {
  let picked: File[] = [];

  const render = (): void => {
    list.replaceChildren(
      ...picked.map((file, i) => {
        const li = document.createElement('li');
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'remove';
        remove.textContent = 'Remove';
        remove.setAttribute('aria-label', `Remove ${file.name || 'photo'}`);
        remove.addEventListener('click', () => {
          picked = picked.filter((_, j) => j !== i);
          render();
          (list.querySelector('button') ?? inputs[0])?.focus();
        });
        const name = document.createElement('span');
        name.className = 'file-name';
        name.textContent = `${file.name || 'photo'} (${formatBytes(file.size)})`;
        li.append(name, remove);
        return li;
      }),
    );
  };

  const add = (files: Iterable<File>): void => {
    // Anything that is not an image is still sent: the preprocessor's error says why it failed.
    picked = [...picked, ...files];
    render();
  };

  for (const input of inputs) {
    input.addEventListener('change', () => {
      add(input.files ?? []);
      input.value = '';
    });
  }
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    add(event.dataTransfer?.files ?? []);
  });

  return {
    files: () => [...picked],
    clear: () => {
      picked = [];
      render();
    },
  };
}
