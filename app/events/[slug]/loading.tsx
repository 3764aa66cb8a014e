export default function Loading() {
  return (
    <div className="flex flex-col gap-8" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the webinar…
      </p>
      <div className="h-11 w-32 animate-pulse rounded bg-slate-100" />
      <div className="flex flex-col gap-4">
        <div className="h-10 w-2/3 animate-pulse rounded bg-slate-200" />
        <div className="h-5 w-80 max-w-full animate-pulse rounded bg-slate-100" />
      </div>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="order-2 flex flex-col gap-3 lg:order-1">
          {Array.from({ length: 6 }, (_, index) => (
            <div key={index} className="h-4 animate-pulse rounded bg-slate-100" />
          ))}
        </div>
        <div className="order-1 flex flex-col gap-3 lg:order-2">
          <div className="h-24 animate-pulse rounded-xl border border-slate-200 bg-white" />
          <div className="h-24 animate-pulse rounded-xl border border-slate-200 bg-white" />
        </div>
      </div>
    </div>
  );
}
