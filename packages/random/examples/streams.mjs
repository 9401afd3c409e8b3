import { createStream, splitStreams, deriveSeed, uniformBelow } from "@neglab/random";

const init = createStream(42, "init");         // for initialising vectors
console.log(init.nextFloat(), init.nextInt(10));

const words = new Uint32Array(5);              // five words in one call, e.g. for k = 5 negatives
init.fillUint32(words, 5);
console.log([...words].map((u) => uniformBelow(u, 10)));

const [w0, w1] = splitStreams(42, 2);          // one stream per worker thread
console.log(w0.state(), w1.state());           // plain numbers: postMessage-able

console.log(deriveSeed(42, "bootstrap"));      // a 32-bit seed for another library
