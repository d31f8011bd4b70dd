// Shown for the moment between answering and the window closing, or if the
// browser keeps it open.
export function Answered() {
  return (
    <main class="approve-loading">
      <p class="status" role="status">
        Your answer has been sent. You can close this window.
      </p>
    </main>
  );
}
