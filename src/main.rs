fn main() {
    async_playground::app::start();
}
