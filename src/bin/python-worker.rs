//! The page's Python engine, loaded in a Web Worker (see `async_playground::worker`).

fn main() {
    async_playground::worker::serve();
}
