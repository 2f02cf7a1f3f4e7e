// A faithful copy of nodemailer's SMTP reply handling (nodemailer 7.0.10,
// lib/smtp-connection/index.js: `_onData`, `_processResponse` and the reply parsing of the
// custom-command action), MIT-0 licensed, for the benchmark only. The only change: responses
// are handled synchronously (nodemailer defers each with setImmediate) and collected in an array.
export class NodemailerReplies {
  constructor() {
    this._remainder = '';
    this._responseQueue = [];
    this.responses = [];
  }

  _onData(chunk) {
    if (!chunk || !chunk.length) {
      return;
    }

    let data = (chunk || '').toString('binary');
    let lines = (this._remainder + data).split(/\r?\n/);
    let lastline;

    this._remainder = lines.pop();

    for (let i = 0, len = lines.length; i < len; i++) {
      if (this._responseQueue.length) {
        lastline = this._responseQueue[this._responseQueue.length - 1];
        if (/^\d+-/.test(lastline.split('\n').pop())) {
          this._responseQueue[this._responseQueue.length - 1] += '\n' + lines[i];
          continue;
        }
      }
      this._responseQueue.push(lines[i]);
    }

    if (this._responseQueue.length) {
      lastline = this._responseQueue[this._responseQueue.length - 1];
      if (/^\d+-/.test(lastline.split('\n').pop())) {
        return;
      }
    }

    while (this._processResponse() !== false);
  }

  _processResponse() {
    if (!this._responseQueue.length) {
      return false;
    }

    let str = (this.lastServerResponse = (this._responseQueue.shift() || '').toString());

    if (/^\d+-/.test(str.split('\n').pop())) {
      // keep waiting for the final part of multiline response
      return;
    }

    if (!str.trim()) {
      // skip unexpected empty lines
      return;
    }

    // The custom-command action's parsing of the reply.
    let codes = str.match(/^(\d+)(?:\s(\d+\.\d+\.\d+))?\s/);
    let data = {
      response: str
    };
    if (codes) {
      data.status = Number(codes[1]) || 0;
      if (codes[2]) {
        data.code = codes[2];
      }
      data.text = str.substr(codes[0].length);
    } else {
      data.text = str;
      data.status = 0; // just in case we need to perform numeric comparisons
    }
    this.responses.push(data);
  }
}
