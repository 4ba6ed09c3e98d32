'use strict';
// Everything the program did that is evidence, in order: wx API calls, authorization sheets, modals, toasts,
// requests, page errors, navigation. Java takes what is new after each step ("take").
class Journal {
  constructor() {
    this.seq = 0;
    this.entries = [];
    this.taken = 0;
    this.overlay = []; // modals and toasts on screen since the last user action
  }

  add(kind, fields) {
    const e = Object.assign({seq: ++this.seq, at: Date.now(), kind}, fields);
    this.entries.push(e);
    if (this.entries.length > 20000) {
      // an endless loop of calls: keep the start, which says what began it
      this.entries.length = 20000;
    }
    return e;
  }

  take() {
    const fresh = this.entries.slice(this.taken);
    this.taken = this.entries.length;
    return fresh;
  }
}

module.exports = {Journal};
